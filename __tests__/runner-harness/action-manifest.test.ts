import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readActionManifest } from '../../testing/runner-harness/action-manifest.ts';
import { parseActionYaml } from '../../testing/runner-harness/action-yaml.ts';
import { inputEnv, inputVariableName } from '../../testing/runner-harness/input-env.ts';
import { shouldRunPost } from '../../testing/runner-harness/post-condition.ts';

const ACTION_YML = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');

describe('readActionManifest', () => {
  test("reads the repository's action.yml: defaults, inputs without one, and runs", () => {
    const manifest = readActionManifest(ACTION_YML);
    assert.equal(manifest.inputs.get('duration'), '3600');
    assert.equal(manifest.inputs.get('source'), 'auto');
    assert.equal(manifest.inputs.get('audience'), 'sts.amazonaws.com');
    assert.equal(manifest.inputs.get('cleanup'), 'true');
    assert.ok(manifest.inputs.has('role-arn'));
    assert.equal(manifest.inputs.get('role-arn'), undefined);
    assert.deepEqual(manifest.runs, {
      using: 'node24',
      main: 'dist/main.js',
      post: 'dist/post.js',
      postIf: 'always()',
    });
  });

  test('defaults post-if to always() and allows an action without inputs or post', () => {
    const manifest = readActionManifest('name: x\nruns:\n  using: node24\n  main: main.js\n');
    assert.deepEqual(manifest.runs, { using: 'node24', main: 'main.js', postIf: 'always()' });
    assert.equal(manifest.inputs.size, 0);
  });

  test('refuses a default that is an expression, which only the runner can evaluate', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    const yml = 'inputs:\n  token:\n    default: ${{ github.token }}\nruns:\n  using: node24\n  main: m.js\n';
    assert.throws(() => readActionManifest(yml), /expressions are not supported/);
  });
});

describe('parseActionYaml', () => {
  test('reads plain, quoted and commented scalars', () => {
    const yml = [
      'plain: hello world # comment',
      'number: 3600',
      'double: "a \\"b\\" \\\\ \\n \\u00e9 # not a comment"',
      "single: 'it''s # not a comment'",
      "'quoted key': x:y",
      'empty:',
    ].join('\n');
    assert.deepEqual(parseActionYaml(yml), {
      plain: 'hello world',
      number: '3600',
      double: 'a "b" \\ \n é # not a comment',
      single: "it's # not a comment",
      'quoted key': 'x:y',
      empty: null,
    });
  });

  test('reads nested mappings and sequences of scalars', () => {
    const yml = 'a:\n  b:\n    c: 1\n  list:\n    - x\n    - "y"\n  flat:\n  - z\nd: 2\n';
    assert.deepEqual(parseActionYaml(yml), { a: { b: { c: '1' }, list: ['x', 'y'], flat: ['z'] }, d: '2' });
  });

  test('reads literal and folded block scalars with their chomping', () => {
    const yml = [
      'lit: |',
      '  one',
      '    two',
      '',
      'strip: |-',
      '  x',
      'keep: |+',
      '  y',
      '',
      'fold: >',
      '  a',
      '  b',
      '',
      '  c',
      'next: z',
    ].join('\n');
    assert.deepEqual(parseActionYaml(yml), {
      lit: 'one\n  two\n',
      strip: 'x',
      keep: 'y\n\n',
      fold: 'a b\nc\n',
      next: 'z',
    });
  });

  const unsupported: Array<[string, string, RegExp]> = [
    ['a flow sequence', 'a: [1, 2]', /unsupported YAML construct/],
    ['a flow mapping', 'a: {b: 1}', /unsupported YAML construct/],
    ['an anchor', 'a: &x 1', /unsupported YAML construct/],
    ['a duplicate key', 'a: 1\na: 2', /duplicate key 'a'/],
    ['an unclosed quote', 'a: "open', /close on the same line/],
    ['a multi-line plain scalar', 'a: one\n  two', /multi-line plain scalars/],
    ['tab indentation', 'a:\n\tb: 1', /tabs/],
    ['a line without a colon', 'a: 1\njunk', /expected 'key: value'/],
    ['a mapping inside a sequence', 'a:\n  - b: 1', /mappings inside sequences/],
  ];
  for (const [name, yml, message] of unsupported) {
    test(`refuses ${name} rather than misread it`, () => {
      assert.throws(() => parseActionYaml(yml), message);
    });
  }
});

describe('inputEnv', () => {
  const manifest = readActionManifest(ACTION_YML);

  test('names variables as the runner does: upper case, spaces to _, hyphens kept', () => {
    assert.equal(inputVariableName('role-arn'), 'INPUT_ROLE-ARN');
    assert.equal(inputVariableName('my input'), 'INPUT_MY_INPUT');
  });

  test('fills in defaults, keeps given values (even empty ones) and leaves the rest absent', () => {
    const env = inputEnv(manifest, {
      'role-arn': 'arn:aws:iam::111122223333:role/a',
      Duration: '900',
      source: '',
    });
    assert.equal(env['INPUT_ROLE-ARN'], 'arn:aws:iam::111122223333:role/a');
    assert.equal(env.INPUT_DURATION, '900');
    assert.equal(env.INPUT_SOURCE, '');
    assert.equal(env.INPUT_AUDIENCE, 'sts.amazonaws.com');
    assert.equal('INPUT_PROFILE' in env, false);
  });

  test('refuses an input action.yml does not declare, naming the ones it does', () => {
    assert.throws(() => inputEnv(manifest, { role_arn: 'x' }), /Unexpected input\(s\) 'role_arn'.*role-arn/);
  });
});

describe('shouldRunPost', () => {
  const cases: Array<[string, number | null, boolean]> = [
    ['always()', 1, true],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    ['${{ always() }}', null, true],
    ['success()', 0, true],
    ['success()', 1, false],
    ['failure()', 1, true],
    ['failure()', 0, false],
    ['cancelled()', 0, false],
  ];
  for (const [postIf, exitCode, expected] of cases) {
    test(`post-if ${postIf} after exit ${exitCode} → ${expected}`, () => {
      assert.equal(shouldRunPost(postIf, exitCode), expected);
    });
  }

  test('refuses a condition it cannot evaluate', () => {
    assert.throws(() => shouldRunPost("github.ref == 'x'", 0), /not supported/);
  });
});
