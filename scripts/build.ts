// Builds dist/: tsc compiles src/ to build/, then ncc bundles one entry per phase.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ENTRIES = ['main', 'post', 'cli'] as const;

const ROOT = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

export function build(outDir: string): void {
  rmSync(join(ROOT, 'build'), { recursive: true, force: true });
  execFileSync(bin('tsc'), ['-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  rmSync(outDir, { recursive: true, force: true });
  for (const entry of ENTRIES) {
    execFileSync(
      bin('ncc'),
      [
        'build',
        join(ROOT, 'build', `${entry}.js`),
        '-o',
        join(outDir, entry),
        '--minify',
        '--quiet',
        '--no-cache',
      ],
      { stdio: 'inherit' },
    );
    // The runner needs dist/<entry>.js; the bundle and its lazy chunks stay together in dist/<entry>/.
    const shebang = entry === 'cli' ? '#!/usr/bin/env node\n' : '';
    writeFileSync(join(outDir, `${entry}.js`), `${shebang}import './${entry}/index.js';\n`, {
      mode: entry === 'cli' ? 0o755 : 0o644,
    });
  }
  mkdirSync(outDir, { recursive: true });
}

if (import.meta.main) build(join(ROOT, process.argv[2] ?? 'dist'));
