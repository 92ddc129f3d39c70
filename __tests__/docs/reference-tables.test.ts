import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  endMarker,
  inlineCode,
  REFERENCE_PAGE,
  readActionReference,
  renderInputs,
  renderOutputs,
  replaceSection,
  startMarker,
  tableCell,
  updateReference,
} from '../../scripts/reference-tables.ts';
import { ACTION_REFERENCE } from './helpers/action-steps.ts';
import { ROOT } from './helpers/lint-workflows.ts';
import { section, tableRows } from './helpers/markdown.ts';

const PAGE = readFileSync(join(ROOT, REFERENCE_PAGE), 'utf8');
const ACTION_YML = readFileSync(join(ROOT, 'action.yml'), 'utf8');

describe(`the reference tables in ${REFERENCE_PAGE}`, () => {
  test('are what action.yml generates (run `npm run docs` if not)', () => {
    assert.equal(updateReference(PAGE, readActionReference(ACTION_YML)), PAGE);
  });

  test('the inputs table lists every input of action.yml once, in its order, with its default', () => {
    const rows = tableRows(section(PAGE, 'Inputs'));
    assert.deepEqual(
      rows.map((cells) => cells[0]?.replaceAll('`', '')),
      ACTION_REFERENCE.inputs.map((input) => input.name),
    );
    for (const [index, input] of ACTION_REFERENCE.inputs.entries())
      assert.equal(
        rows[index]?.[1]?.replaceAll('`', '') ?? '',
        input.default ?? '',
        `default of ${input.name}`,
      );
  });

  test('the outputs table lists every output of action.yml once, in its order', () => {
    assert.deepEqual(
      tableRows(section(PAGE, 'Outputs')).map((cells) => cells[0]?.replaceAll('`', '')),
      ACTION_REFERENCE.outputs.map((output) => output.name),
    );
  });
});

describe('readActionReference', () => {
  test('reads names, descriptions, defaults and required, in file order', () => {
    const yml = [
      'inputs:',
      '  b:',
      '    description: Second letter.',
      '    required: true',
      '  a:',
      '    description: |',
      '      First letter,',
      '      on two lines.',
      '    default: "false"',
      '  n:',
      '    description: A number.',
      '    default: 3600',
      'outputs:',
      '  out:',
      '    description: Something.',
    ].join('\n');
    assert.deepEqual(readActionReference(yml), {
      inputs: [
        { name: 'b', description: 'Second letter.', required: true },
        { name: 'a', description: 'First letter,\non two lines.\n', required: false, default: 'false' },
        { name: 'n', description: 'A number.', required: false, default: '3600' },
      ],
      outputs: [{ name: 'out', description: 'Something.' }],
    });
  });

  const refused: [string, string, RegExp][] = [
    [
      'an input without a description',
      'inputs:\n  a:\n    required: false\n',
      /input 'a' has no description/,
    ],
    [
      'an output with an empty description',
      "outputs:\n  o:\n    description: ''\n",
      /output 'o' has no description/,
    ],
    ['inputs that are a list', 'inputs:\n  - a\n', /'inputs' is not a mapping/],
    ['a name a table cannot show', "inputs:\n  'a|b':\n    description: x\n", /not a valid name/],
  ];
  for (const [what, yml, message] of refused) {
    test(`refuses ${what}`, () => assert.throws(() => readActionReference(yml), message));
  }
});

describe('rendering', () => {
  test('a description becomes one table cell: lines joined, pipes escaped, no HTML', () => {
    assert.equal(tableCell('  one\n  two | three <b> &amp; ->  '), 'one two \\| three &lt;b> &amp;amp; ->');
  });

  test('inline code survives backticks and pipes in the value', () => {
    assert.equal(inlineCode('auto'), '`auto`');
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('`x'), '`` `x ``');
    assert.equal(inlineCode('a|b'), '`a\\|b`');
  });

  test('inputs: empty default cells stay empty and required inputs say so', () => {
    const table = renderInputs([
      { name: 'role-arn', description: 'Role.', required: true },
      { name: 'duration', description: 'Time.', required: false, default: '3600' },
    ]);
    const lines = table.split('\n');
    assert.equal(lines[3], '| `role-arn` | | **Required.** Role. |');
    assert.equal(lines[4], '| `duration` | `3600` | Time. |');
  });

  test('outputs: one row per output after the header', () => {
    const lines = renderOutputs([{ name: 'arn', description: 'The ARN.' }]).split('\n');
    assert.deepEqual(lines.slice(1), ['| Output | Description |', '|---|---|', '| `arn` | The ARN. |']);
  });
});

describe('replaceSection', () => {
  const page = `# x\n${startMarker('inputs')}\nold\n${endMarker('inputs')}\ntail\n`;

  test('replaces only what lies between the markers', () => {
    assert.equal(
      replaceSection(page, 'inputs', 'new'),
      `# x\n${startMarker('inputs')}\nnew\n${endMarker('inputs')}\ntail\n`,
    );
  });

  test('gives the same text when run twice', () => {
    const once = replaceSection(page, 'inputs', 'new');
    assert.equal(replaceSection(once, 'inputs', 'new'), once);
  });

  const broken: [string, string][] = [
    ['missing markers', '# x\n'],
    [
      'a repeated start marker',
      `${startMarker('inputs')}\n${startMarker('inputs')}\n${endMarker('inputs')}\n`,
    ],
    ['markers in the wrong order', `${endMarker('inputs')}\n${startMarker('inputs')}\n`],
  ];
  for (const [what, text] of broken) {
    test(`refuses ${what}`, () =>
      assert.throws(() => replaceSection(text, 'inputs', 'x'), /docs\/reference\.md/));
  }
});

describe('npm run docs', () => {
  let dir: string;
  const script = () => join(dir, 'scripts', 'reference-tables.ts');
  const page = () => join(dir, REFERENCE_PAGE);
  const run = (...args: string[]) => spawnSync(process.execPath, [script(), ...args], { encoding: 'utf8' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reference-tables-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'docs'));
    copyFileSync(join(ROOT, 'scripts', 'reference-tables.ts'), script());
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'action.yml'), ACTION_YML);
    const stale = PAGE.replace(/\| `duration` \|[^\n]*/, '| `duration` | `60` | Out of date. |');
    assert.notEqual(stale, PAGE);
    writeFileSync(page(), stale);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('--check fails on a stale page, naming the section, and changes nothing', () => {
    const before = readFileSync(page(), 'utf8');
    const result = run('--check');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /the inputs reference differs from action\.yml\. Run `npm run docs`/);
    assert.equal(readFileSync(page(), 'utf8'), before);
  });

  test('without --check it rewrites the page, after which --check passes', () => {
    assert.equal(run().status, 0);
    assert.equal(readFileSync(page(), 'utf8'), PAGE);
    const check = run('--check');
    assert.equal(check.status, 0, check.stderr);
  });

  test('refuses an unknown argument', () => {
    const result = run('--fix');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /unknown argument --fix/);
  });
});
