import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { actionSteps, outputReferenceProblems, refProblem, stepProblems } from './helpers/action-steps.ts';
import { readDoc, userDocs } from './helpers/doc-files.ts';
import { formatProblem, lintWorkflowTexts } from './helpers/lint-workflows.ts';
import { type CodeBlock, codeBlocks } from './helpers/markdown.ts';

interface Example extends CodeBlock {
  /** FILE:LINE of the opening fence. */
  readonly where: string;
}

const EXAMPLES: Example[] = userDocs().flatMap((path) =>
  codeBlocks(readDoc(path)).map((block) => ({ ...block, where: `${path}:${block.line}` })),
);
const YAML_BLOCKS = EXAMPLES.filter((block) => block.lang === 'yaml' || block.lang === 'yml');
const JSON_BLOCKS = EXAMPLES.filter((block) => block.lang === 'json');

describe('yaml examples in the README and docs/', () => {
  test('there are examples to check, most of them using the action', () => {
    assert.ok(YAML_BLOCKS.length >= 10, `only ${YAML_BLOCKS.length} yaml blocks`);
    const using = YAML_BLOCKS.filter((block) => actionSteps(parse(block.text)).length > 0);
    assert.ok(using.length >= 10, `only ${using.length} yaml blocks use the action`);
  });

  for (const block of YAML_BLOCKS) {
    describe(`the yaml block at ${block.where}`, () => {
      test('parses', () => {
        assert.doesNotThrow(() => parse(block.text, { strict: true, uniqueKeys: true }));
      });

      test("its steps give only declared inputs, with values the action's parser accepts", () => {
        const problems = actionSteps(parse(block.text)).flatMap(stepProblems);
        assert.deepEqual(problems, []);
      });

      test('its steps name the action by a major tag, a release tag or a full commit SHA', () => {
        const problems = actionSteps(parse(block.text)).flatMap((step) => refProblem(step.uses) ?? []);
        assert.deepEqual(problems, []);
      });

      test('each steps.ID.outputs.NAME names a step using the action and one of its outputs', () => {
        const ids = new Set(actionSteps(parse(block.text)).flatMap((step) => (step.id ? [step.id] : [])));
        assert.deepEqual(outputReferenceProblems(block.text, ids, false), []);
      });
    });
  }

  test('complete workflows among them pass actionlint', async () => {
    const workflows = YAML_BLOCKS.filter((block) => {
      const document: unknown = parse(block.text);
      return typeof document === 'object' && document !== null && 'jobs' in document && 'on' in document;
    });
    assert.ok(workflows.length >= 3, `only ${workflows.length} complete workflows`);
    const problems = await lintWorkflowTexts(
      workflows.map((block) => ({ path: block.where, text: block.text })),
    );
    assert.deepEqual(problems.map(formatProblem), []);
  });
});

describe('json examples in the README and docs/', () => {
  test('there are trust policies to check', () => {
    assert.ok(JSON_BLOCKS.length >= 4, `only ${JSON_BLOCKS.length} json blocks`);
  });

  for (const block of JSON_BLOCKS) {
    test(`the json block at ${block.where} parses, and a policy in it has Version 2012-10-17`, () => {
      const value = JSON.parse(block.text) as Record<string, unknown>;
      if ('Statement' in value) assert.equal(value.Version, '2012-10-17');
    });
  }

  test('the OIDC trust policies match the audience and a branch or environment subject', () => {
    const text = JSON_BLOCKS.map((block) => block.text).join('\n');
    assert.match(text, /"token\.actions\.githubusercontent\.com:aud": "sts\.amazonaws\.com"/);
    assert.match(
      text,
      /"token\.actions\.githubusercontent\.com:sub": "repo:OWNER\/REPO:ref:refs\/heads\/main"/,
    );
    assert.match(text, /"token\.actions\.githubusercontent\.com:sub": "repo:OWNER\/REPO:environment:prod"/);
  });
});
