import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INPUT_NAMES, OUTPUT_NAMES } from './helpers/action-steps.ts';
import { readDoc } from './helpers/doc-files.ts';
import { section, tableRows } from './helpers/markdown.ts';

/** The incumbent's interface, read once from its action.yml at the tag: the one list the page answers to. */
const INCUMBENT = JSON.parse(readDoc('__fixtures__/incumbent-action.json')) as {
  readonly version: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
};
const PAGE = readDoc('docs/migration.md');

const firstColumn = (heading: string) =>
  tableRows(section(PAGE, heading)).map((cells) => (cells[0] ?? '').replaceAll('`', ''));
/** Names in code spans of a cell that look like an input or output name. */
const namesIn = (cell: string) =>
  Array.from(cell.matchAll(/`([a-z][a-z-]*)`(?::|\s|,|\.|\)|$)/g), (match) => match[1] ?? '');

describe('the migration page', () => {
  test('the fixture holds every input and output of configure-aws-credentials v6.2.3, once each', () => {
    assert.equal(INCUMBENT.version, 'v6.2.3');
    assert.equal(new Set(INCUMBENT.inputs).size, 32);
    assert.equal(INCUMBENT.inputs.length, 32);
    assert.deepEqual(new Set(INCUMBENT.outputs).size, INCUMBENT.outputs.length);
    assert.ok(INCUMBENT.inputs.includes('overwrite-aws-profile'));
    assert.ok(INCUMBENT.outputs.includes('aws-expiration'));
  });

  test('maps every input of the fixture exactly once, in its order', () => {
    assert.deepEqual(firstColumn('Inputs'), INCUMBENT.inputs);
  });

  test('maps every output of the fixture exactly once, in its order', () => {
    assert.deepEqual(firstColumn('Outputs'), INCUMBENT.outputs);
  });

  test('gives each output the output of this action it becomes, renames included', () => {
    const becomes = tableRows(section(PAGE, 'Outputs')).map((cells) => namesIn(cells[1] ?? '')[0] ?? '');
    assert.deepEqual(
      becomes.filter((name) => !OUTPUT_NAMES.has(name)),
      [],
    );
    const renamed = INCUMBENT.outputs.flatMap((name, index) =>
      becomes[index] === name ? [] : [`${name} -> ${becomes[index]}`],
    );
    assert.deepEqual(renamed, ['aws-expiration -> expiration']);
  });

  test('names only real inputs of this action in the inputs table', () => {
    const named = tableRows(section(PAGE, 'Inputs')).flatMap((cells) => namesIn(cells[1] ?? ''));
    // Source names, and the one workflow key the table recommends.
    const values = new Set([
      'auto',
      'imds',
      'env',
      'keys',
      'oidc',
      'web-identity',
      'container',
      'timeout-minutes',
    ]);
    assert.deepEqual(
      named.filter((name) => !INPUT_NAMES.has(name) && !values.has(name)),
      [],
    );
  });

  test('says how many inputs it maps', () => {
    assert.ok(section(PAGE, 'Inputs').includes(`All ${INCUMBENT.inputs.length} inputs`));
  });
});
