#!/usr/bin/env node
var version = process.versions.node;
if (Number(version.split('.')[0]) < 22) {
  process.stderr.write('assume-aws-role needs Node.js 22 or later (this is ' + version + ')\n');
  process.exitCode = 1;
} else import('./cli/start.js');
