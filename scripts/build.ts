// Builds dist/: tsc compiles src/ to build/, then ncc bundles one entry per phase, minified.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ncc from '@vercel/ncc';
import { minify } from 'terser';

export const ENTRIES = ['main', 'post', 'cli'] as const;

const ROOT = resolve(import.meta.dirname, '..');
const SHIM = 'unbundled.js';
// What @actions/core imports only for features this project never calls (see shims/unbundled.js).
const EXTERNALS = {
  '@actions/http-client': `./${SHIM}`,
  '@actions/http-client/lib/auth': `./${SHIM}`,
  '@actions/exec': `./${SHIM}`,
};
// V8's compile cache, in a directory of the user's own (0700, checked), so repeated runs of the CLI
// (credential_process renewals, a person's shell) skip compiling the bundle, and nobody else can plant code.
const loader = (bundle: string) => `import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
try {
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'assume-aws-role-v8');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stats = lstatSync(dir);
  if (stats.isDirectory() && (!process.getuid || stats.uid === process.getuid())) {
    chmodSync(dir, 0o700);
    enableCompileCache?.(dir);
  }
} catch {}
await import('${bundle}');
`;
// The CLI's first file only checks the Node version, so an older Node gets one clear line instead of a
// SyntaxError from an API it lacks; it is plain old JavaScript with no imports, which any Node can parse.
export const CLI_MIN_NODE = 22;
const cliVersionGuard = `#!/usr/bin/env node
var version = process.versions.node;
if (Number(version.split('.')[0]) < ${CLI_MIN_NODE}) {
  process.stderr.write('assume-aws-role needs Node.js ${CLI_MIN_NODE} or later (this is ' + version + ')\\n');
  process.exitCode = 1;
} else import('./cli/start.js');
`;

export async function build(finalDir: string): Promise<void> {
  // Built beside the target and swapped in at the end, so tests running dist/ never see half a build.
  const outDir = `${finalDir}.building-${process.pid}`;
  rmSync(join(ROOT, 'build'), { recursive: true, force: true });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  rmSync(outDir, { recursive: true, force: true });
  for (const entry of ENTRIES) {
    const { code, assets } = await ncc(join(ROOT, 'build', `${entry}.js`), {
      minify: true,
      cache: false,
      quiet: true,
      externals: EXTERNALS,
      target: 'es2022',
      // The SDK's ES-module builds (with tsconfig.json's paths): only what STS needs, no http2, zlib or assert.
      mainFields: ['module', 'main'],
    });
    const bundleDir = join(outDir, entry);
    write(join(bundleDir, 'index.js'), code);
    // ncc minifies the entry's bundle only; the lazy chunks (the SDK among them) are minified here.
    for (const [name, asset] of Object.entries(assets)) {
      const source = String(asset.source);
      const minified = name.endsWith('.js')
        ? (await minify(source, { module: true, compress: { passes: 1 } })).code
        : source;
      write(join(bundleDir, name), minified ?? source);
    }
    write(join(bundleDir, 'package.json'), '{"type":"module"}\n');
    copyFileSync(join(ROOT, 'scripts', 'shims', SHIM), join(bundleDir, SHIM));
    // The runner needs dist/<entry>.js; the bundle and its lazy chunks stay together in dist/<entry>/.
    if (entry === 'cli') {
      write(join(bundleDir, 'start.js'), loader('./index.js'));
      write(join(outDir, 'cli.js'), cliVersionGuard, 0o755);
      // The action's steps load their bundle directly: measured side by side, the cache cost main and
      // post about 5% cold (every job's first step, and every post step) and saved nothing warm.
    } else write(join(outDir, `${entry}.js`), `await import('./${entry}/index.js');\n`);
  }
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(outDir, finalDir);
}

function write(path: string, content: string | Buffer, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { mode });
}

if (import.meta.main) await build(join(ROOT, process.argv[2] ?? 'dist'));
