import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from './helpers/lint-workflows.ts';

/** Home directories that tests use as stand-ins for anybody's, not one machine's. */
const STAND_IN_HOMES = ['me', 'u', 'user', 'runner'];

/** Paths that name one machine: its work or root tree, or a real person's home (POSIX, macOS, Windows). */
const MACHINE_PATH = new RegExp(
  [
    String.raw`(?:^|[^.\w])/(?:work|root)/`,
    String.raw`(?:^|[^.\w])/(?:home|Users)/(?!(?:${STAND_IN_HOMES.join('|')})\b)[\w.-]+`,
    String.raw`\b[A-Za-z]:\\Users\\`,
  ].join('|'),
);

/** Lines that name a machine's path, as FILE:LINE: TEXT. Binary files are skipped. */
export function machinePaths(name: string, text: string): string[] {
  if (text.includes('\0')) return [];
  return text.split('\n').flatMap((line, index) => {
    const match = MACHINE_PATH.exec(line);
    return match ? [`${name}:${index + 1}: ${match[0].trim()}`] : [];
  });
}

function trackedFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((name) => name !== '');
}

describe('no committed file names a path of one machine', () => {
  const path = (...parts: string[]) => ['', ...parts].join('/');
  const rows: [string, string, boolean][] = [
    ['a work tree', `node ${path('work', 'main', 'node_modules', 'node', 'bin', 'node')}`, true],
    ["root's home", `see ${path('root', '.aws', 'config')}`, true],
    ["a person's home", `"${path('home', 'alice', 'src')}"`, true],
    ['a macOS home', `${path('Users', 'bob', 'x')}`, true],
    ['a Windows home', ['C:', 'Users', 'carol', 'x'].join('\\'), true],
    ['a stand-in home in a test', `HOME: '${path('home', 'me')}'`, false],
    ['a path inside the repository', 'dist/work/x and ./root/y', false],
    ['a system tool', path('usr', 'bin', 'aws'), false],
  ];
  for (const [what, line, found] of rows) {
    test(`${found ? 'finds' : 'allows'} ${what}`, () => {
      assert.equal(machinePaths('x', line).length > 0, found, line);
    });
  }

  test('in any tracked file, generated ones included', () => {
    const files = trackedFiles();
    assert.ok(files.includes('README.md') && files.includes('BENCHMARKS.md'));
    const found = files.flatMap((name) => machinePaths(name, readFileSync(join(ROOT, name), 'utf8')));
    assert.deepEqual(found, []);
  });
});
