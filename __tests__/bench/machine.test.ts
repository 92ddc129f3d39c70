import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { describeMachine, nodeLabel } from '../../bench/machine.ts';

const ROOT = resolve('some', 'checkout');

const cases: [string, string, string][] = [
  [
    'a Node inside the repository by its path from the root',
    join(ROOT, 'node_modules', 'node', 'bin', 'node'),
    'node_modules/node/bin/node',
  ],
  ['a Node elsewhere by its file name only', resolve('opt', 'node', 'bin', 'node'), 'node'],
  [
    'a Node in a sibling folder whose name starts like the root by its file name',
    `${ROOT}-old${join('/', 'node')}`,
    'node',
  ],
];
for (const [what, execPath, label] of cases) {
  test(`names ${what}`, () => assert.equal(nodeLabel(execPath, ROOT), label));
}

test('the machine description names the running Node without an absolute path', () => {
  const { nodePath } = describeMachine();
  assert.ok(!/^([A-Za-z]:)?[\\/]/.test(nodePath), nodePath);
});
