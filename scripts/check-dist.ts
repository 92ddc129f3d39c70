// Fails when the committed dist/ differs from a fresh build of src/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from './build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const fresh = mkdtempSync(join(tmpdir(), 'dist-check-'));
try {
  await build(fresh);
  execFileSync('diff', ['-r', join(ROOT, 'dist'), fresh], { stdio: 'inherit' });
  console.log('dist/ matches a fresh build of src/');
} catch {
  console.error('dist/ is out of date: run `npm run build` and commit dist/ with the source change.');
  process.exitCode = 1;
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
