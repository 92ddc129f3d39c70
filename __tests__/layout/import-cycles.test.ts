import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCycles, importsOf, sourceFiles } from './source-files.ts';

describe('the import graph of src/', () => {
  test('has no cycle, counting type-only and dynamic imports', () => {
    const graph = new Map(sourceFiles().map((file) => [file, importsOf(file)]));
    const cycles = findCycles(graph).map((cycle) => cycle.join(' → '));
    assert.deepEqual(cycles, [], `import cycles in src/:\n  ${cycles.join('\n  ')}`);
  });

  test('sees every kind of import, so the check above can fail', () => {
    const text = [
      "import type { A } from './a.ts';",
      "import { b } from '../b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "const e = await import('./e.ts');",
      "import './f.ts';",
      "import { g } from 'node:path';",
    ].join('\n');
    assert.deepEqual(importsOf('x/file.ts', text).sort(), [
      'b.ts',
      'x/a.ts',
      'x/c.ts',
      'x/d.ts',
      'x/e.ts',
      'x/f.ts',
    ]);
  });

  test('names a cycle that goes through several files', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    assert.deepEqual(findCycles(graph), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
