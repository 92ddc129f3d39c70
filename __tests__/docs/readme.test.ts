import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { actionSteps } from './helpers/action-steps.ts';
import { readDoc, userDocs } from './helpers/doc-files.ts';
import { codeBlocks, headingAnchors, links, section } from './helpers/markdown.ts';

const README = readDoc('README.md');
/** What a reader sees before scrolling, give or take a long paragraph. */
const FIRST_SCREEN_LINES = 45;

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the CHANGELOG's latest version is still "Unreleased", that is, not yet tagged. */
function unreleased(): boolean {
  const latest = /^## \[?\d+\.\d+\.\d+\]?(.*)$/m.exec(readDoc('CHANGELOG.md'));
  assert.ok(latest, 'the CHANGELOG has a version heading');
  return /\bUnreleased\b/i.test(latest[1] ?? '');
}

describe('README quick start', () => {
  const quickStart = section(README, 'Quick start');
  const blocks = codeBlocks(quickStart);
  const workflow: unknown = parse(blocks[0]?.text ?? '');

  test('is on the first screen: a complete workflow, right after the introduction', () => {
    const lines = README.split('\n');
    const heading = lines.indexOf('## Quick start');
    assert.ok(heading > 0 && heading < 12, `the quick start starts at line ${heading + 1}`);
    const fences = lines.flatMap((line, index) => (line.startsWith('```') ? [index] : []));
    assert.ok((fences[1] ?? Infinity) < FIRST_SCREEN_LINES, 'its workflow ends on the first screen');
    assert.equal(blocks[0]?.lang, 'yaml');
    assert.ok(isMapping(workflow) && 'on' in workflow && 'jobs' in workflow, 'a whole workflow');
  });

  test('lets the job request the OIDC token and still read the repository', () => {
    assert.ok(isMapping(workflow));
    const jobs = Object.values(isMapping(workflow.jobs) ? workflow.jobs : {});
    assert.equal(jobs.length, 1);
    const job = jobs[0];
    const permissions = (isMapping(job) && job.permissions) || workflow.permissions;
    assert.deepEqual(permissions, { 'id-token': 'write', contents: 'read' });
  });

  test('assumes a role with the action, pinned to a full commit SHA with its date in a comment', () => {
    const steps = actionSteps(workflow);
    assert.equal(steps.length, 1);
    assert.match(steps[0]?.uses ?? '', /^assume-aws-role\/assume-aws-role@[0-9a-f]{40}$/);
    assert.match(steps[0]?.with['role-arn'] as string, /^arn:aws:iam::\d{12}:role\//);
    assert.match(blocks[0]?.text ?? '', /@[0-9a-f]{40} # main as of \S+\n/);
  });

  test('says plainly that no release is tagged while the CHANGELOG has none, and how to pin until then', () => {
    const says = quickStart.includes('**No release is tagged yet**');
    assert.equal(says, unreleased(), 'the CHANGELOG and the README agree on whether a release exists');
    if (says) {
      assert.match(quickStart, /full 40-character SHA/);
      assert.match(quickStart, /`git ls-remote [^`]+ main`/);
    }
  });

  test('points at the IAM setup, the other runners and the developer quick start', () => {
    const targets = links(quickStart).map((link) => link.target);
    for (const anchor of [
      '#github-hosted-runners-with-oidc',
      '#quick-start-by-runner',
      '#quick-start-for-developers',
    ])
      assert.ok(targets.includes(anchor), anchor);
  });
});

describe('README structure', () => {
  test('the developer quick start is the packages .ci/run installs, then npm ci, npm test and npm run demo', () => {
    const commands = codeBlocks(section(README, 'Quick start for developers')).map((block) =>
      block.text.trim(),
    );
    const packages = /^packages=\(([^)]*)\)$/m.exec(readDoc('.ci/run'))?.[1]?.trim().split(/\s+/);
    assert.ok(packages && packages.length > 0, '.ci/run lists its packages');
    assert.deepEqual(commands, [`apt-get install ${packages.join(' ')}`, 'npm ci\nnpm test\nnpm run demo']);
  });

  test('every heading of level 2 and 3 is in the contents, in order', () => {
    const contents = links(section(README, 'Contents'))
      .map((link) => link.target)
      .filter((target) => target.startsWith('#'))
      .map((target) => target.slice(1));
    const headings = headingAnchors(
      README.split('\n')
        .filter((line) => /^#{2,3} /.test(line))
        .join('\n'),
    );
    assert.deepEqual(
      contents,
      [...headings].filter((anchor) => anchor !== 'contents'),
    );
  });

  test('the contents link every page in docs/', () => {
    const linked = new Set(links(section(README, 'Contents')).map((link) => link.target.split('#')[0]));
    const pages = userDocs().filter((path) => path.startsWith('docs/'));
    assert.ok(pages.length >= 4, `only ${pages.length} pages in docs/`);
    assert.deepEqual(
      pages.filter((path) => !linked.has(path)),
      [],
    );
  });

  test('BENCHMARKS.md is linked', () => {
    assert.ok(links(README).some((link) => link.target === 'BENCHMARKS.md'));
  });
});
