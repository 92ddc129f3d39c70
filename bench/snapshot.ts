// A private copy of the action to measure: others may rebuild dist/ while the benchmark runs, and
// every run must load the same bundles. The copy keeps what the runner's checkout has next to dist/.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
/** package.json carries "type": "module" for dist/<phase>.js, as in the runner's checkout of the action. */
const COPIED = ['action.yml', 'package.json', 'dist'] as const;

export interface ActionSnapshot {
  readonly dir: string;
  /** The commit checked out when the copy was made, and whether dist/ then differed from it. */
  readonly commit: string;
  readonly distMatchesCommit: boolean;
  dispose(): Promise<void>;
}

async function git(args: readonly string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await promisify(execFile)('git', [...args], { cwd: ROOT });
    return { stdout: stdout.trim(), code: 0 };
  } catch (error) {
    return { stdout: '', code: typeof (error as { code?: unknown }).code === 'number' ? 1 : 2 };
  }
}

export async function snapshotAction(): Promise<ActionSnapshot> {
  const dir = await mkdtemp(join(tmpdir(), 'aar-bench-action-'));
  await Promise.all(COPIED.map((name) => cp(join(ROOT, name), join(dir, name), { recursive: true })));
  const [head, diff] = await Promise.all([
    git(['rev-parse', '--short', 'HEAD']),
    git(['diff', '--quiet', 'HEAD', '--', 'dist']),
  ]);
  return {
    dir,
    commit: head.stdout || 'unknown',
    distMatchesCommit: diff.code === 0,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
