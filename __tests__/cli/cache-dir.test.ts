// Where credential_process caches: one row per rule of credentialCacheDir.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { credentialCacheDir } from '../../src/cli/cache/cache-dir.ts';

const HOME = join('/', 'home', 'me');
const TEMP = join('/', 'runner', '_temp');
const XDG = join('/', 'var', 'cache', 'me');

const rows: [rule: string, env: Record<string, string>, expected: string][] = [
  [
    'on a runner: under RUNNER_TEMP, emptied after the job',
    { RUNNER_TEMP: TEMP, XDG_CACHE_HOME: XDG },
    join(TEMP, 'assume-aws-role-cache'),
  ],
  [
    'a relative RUNNER_TEMP is ignored',
    { RUNNER_TEMP: '_temp', XDG_CACHE_HOME: XDG },
    join(XDG, 'assume-aws-role'),
  ],
  ['elsewhere: XDG_CACHE_HOME', { XDG_CACHE_HOME: XDG }, join(XDG, 'assume-aws-role')],
  [
    'a relative XDG_CACHE_HOME is ignored, as the XDG spec says',
    { XDG_CACHE_HOME: 'cache' },
    join(HOME, '.cache', 'assume-aws-role'),
  ],
  ['with neither: ~/.cache', {}, join(HOME, '.cache', 'assume-aws-role')],
];

for (const [rule, env, expected] of rows)
  test(rule, () => assert.equal(credentialCacheDir(env, HOME), expected));
