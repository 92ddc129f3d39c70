import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import {
  createJob,
  FileCommandError,
  type Job,
  type PhaseResult,
} from '../../testing/runner-harness/index.ts';

const FIXTURE_MAIN = join(import.meta.dirname, 'fixtures', 'main.mjs');
const FIXTURE_POST = join(import.meta.dirname, 'fixtures', 'post.mjs');
const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const ROLE = 'arn:aws:iam::111122223333:role/demo';
const FIXTURE = { entry: FIXTURE_MAIN, postEntry: FIXTURE_POST };

/** The environment the fixture reported seeing, from its `seen-env` output. */
const seenEnv = (phase: PhaseResult | undefined): Record<string, string> =>
  JSON.parse(phase?.outputs['seen-env'] ?? 'null');

/** A job of the test's own, removed after it: the cases wait on child processes, so they run side by side. */
async function jobFor(t: TestContext, options?: Parameters<typeof createJob>[0]): Promise<Job> {
  const job = await createJob(options);
  t.after(() => job.cleanup());
  return job;
}

describe('a job running the fixture action', { concurrency: true }, () => {
  test('sees everything main writes: env, outputs, state, summary, path, commands and masks', async (t) => {
    const job = await jobFor(t);
    const main = await job.runMain({ 'role-arn': ROLE }, { entry: FIXTURE_MAIN });
    assert.equal(main.exitCode, 0, main.stderr);
    assert.deepEqual(main.exported, { FIXTURE_EXPORTED: 'line one\nline two=2', FIXTURE_PLAIN: 'a=b' });
    assert.deepEqual(main.state, { created: 'profile-a\nprofile-b' });
    assert.equal(main.outputs.cwd, job.workspace);
    assert.equal(main.summary, '### Fixture\n\n- ok\n');
    assert.deepEqual(main.paths, [join(job.runnerTemp, 'fixture-bin')]);
    assert.match(main.stdout, new RegExp(`role-arn input: ${ROLE}`));
    assert.deepEqual(main.masks, ['fixture-secret']);
    assert.deepEqual(
      main.commands.find((command) => command.name === 'warning'),
      { name: 'warning', properties: { title: 'Heads up, really' }, message: 'first line\nsecond line' },
    );
    assert.match(main.files.env, /^FIXTURE_EXPORTED<<ghadelimiter_[0-9a-f-]{36}\n/);
    assert.equal(main.timedOut, false);
    assert.equal(main.entry, FIXTURE_MAIN);
  });

  test('fills in inputs as the runner does: given values, else the defaults from action.yml', async (t) => {
    const job = await jobFor(t);
    const env = seenEnv(await job.runMain({ 'role-arn': ROLE }, { entry: FIXTURE_MAIN }));
    assert.equal(env['INPUT_ROLE-ARN'], ROLE);
    assert.equal(env.INPUT_DURATION, '3600');
    assert.equal(env.INPUT_SOURCE, 'auto');
    assert.equal(env.INPUT_AUDIENCE, 'sts.amazonaws.com');
    assert.equal(env['INPUT_MASK-ACCOUNT-ID'], 'false');
    assert.equal('INPUT_PROFILE' in env, false);
  });

  test('gives the child the GitHub context and its own dirs, but nothing from the ambient environment', async (t) => {
    const job = await jobFor(t);
    process.env.AWS_SECRET_ACCESS_KEY = 'ambient-secret-from-the-developer-machine';
    try {
      const env = seenEnv(await job.runMain({}, { entry: FIXTURE_MAIN }));
      assert.equal('AWS_SECRET_ACCESS_KEY' in env, false);
      assert.equal(env.HOME, job.home);
      assert.equal(env.RUNNER_TEMP, job.runnerTemp);
      assert.equal(env.GITHUB_WORKSPACE, job.workspace);
      assert.equal(env.GITHUB_ACTION_PATH, REPO_ROOT);
      assert.equal(env.GITHUB_ACTIONS, 'true');
      assert.equal(env.CI, 'true');
      assert.equal(env.GITHUB_REPOSITORY, 'octo-org/octo-repo');
      assert.equal(env.GITHUB_REF, 'refs/heads/main');
      assert.equal(env.GITHUB_RUN_ATTEMPT, '1');
      assert.match(env.GITHUB_RUN_ID ?? '', /^\d+$/);
      assert.equal(env.RUNNER_OS, 'Linux');
      assert.ok(existsSync(env.GITHUB_EVENT_PATH ?? ''));
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });

  test('layers job env < step env < inputs, and lets job options add variables', async (t) => {
    const job = await jobFor(t, {
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token', LAYER: 'job' },
    });
    const env = seenEnv(
      await job.runMain(
        { duration: '900' },
        { entry: FIXTURE_MAIN, env: { LAYER: 'step', INPUT_DURATION: '1' } },
      ),
    );
    assert.equal(env.ACTIONS_ID_TOKEN_REQUEST_URL, 'http://127.0.0.1:1/token');
    assert.equal(env.LAYER, 'step');
    assert.equal(env.INPUT_DURATION, '900');
  });

  test('runs post with main STATE_* and the same inputs, in fresh files of its own', async (t) => {
    const job = await jobFor(t);
    const { main, post } = await job.runStep({ 'role-arn': ROLE }, FIXTURE);
    assert.equal(post?.exitCode, 0, post?.stderr);
    const env = seenEnv(post);
    assert.equal(env.STATE_created, 'profile-a\nprofile-b');
    assert.equal(env['INPUT_ROLE-ARN'], ROLE);
    assert.equal(env.GITHUB_ACTION, main.env.GITHUB_ACTION);
    assert.notEqual(env.GITHUB_OUTPUT, main.env.GITHUB_OUTPUT);
    assert.deepEqual(post?.state, {});
    assert.match(post?.stdout ?? '', /post sees state: profile-a\nprofile-b/);
  });

  test('carries exported env and GITHUB_PATH into later steps of the job', async (t) => {
    const job = await jobFor(t);
    const first = await job.runStep({}, FIXTURE);
    const second = await job.runStep({}, FIXTURE);
    const env = seenEnv(second.main);
    assert.equal(env.FIXTURE_EXPORTED, 'line one\nline two=2');
    assert.equal(env.PATH?.split(delimiter)[0], join(job.runnerTemp, 'fixture-bin'));
    assert.equal(job.env.FIXTURE_PLAIN, 'a=b');
    assert.deepEqual([first.main.step.id, second.main.step.id], ['__self', '__self_2']);
  });

  test('runs post after a failed main, because post-if is always()', async (t) => {
    const job = await jobFor(t);
    const { main, post } = await job.runStep({}, { ...FIXTURE, env: { FIXTURE_MODE: 'fail' } });
    assert.equal(main.exitCode, 1);
    assert.deepEqual(
      main.commands.filter((command) => command.name === 'error').map((command) => command.message),
      ['fixture failed'],
    );
    assert.equal(post?.exitCode, 0);
  });

  test('skips post when asked, and runPost replays the step with edited state', async (t) => {
    const job = await jobFor(t);
    const { main, post } = await job.runStep({}, { ...FIXTURE, runPost: false });
    assert.equal(post, undefined);
    const replay = await job.runPost({ ...main, state: { created: 'tampered' } }, { entry: FIXTURE_POST });
    assert.equal(seenEnv(replay).STATE_created, 'tampered');
  });

  test('refuses NODE_OPTIONS from GITHUB_ENV, as the runner does', async (t) => {
    const job = await jobFor(t);
    const main = await job.runMain({}, { entry: FIXTURE_MAIN, env: { FIXTURE_MODE: 'node-options' } });
    assert.equal(main.exported.NODE_OPTIONS, '--require ./evil.js');
    assert.equal('NODE_OPTIONS' in job.env, false);
  });

  test('throws on a malformed GITHUB_ENV so the test notices', async (t) => {
    const job = await jobFor(t);
    await assert.rejects(
      job.runMain({}, { entry: FIXTURE_MAIN, env: { FIXTURE_MODE: 'bad-env' } }),
      (error) =>
        error instanceof FileCommandError &&
        /GITHUB_ENV.*matching delimiter not found 'EOF'/.test(error.message),
    );
  });

  test('kills a phase that outlives timeoutMs and reports it', async (t) => {
    const job = await jobFor(t);
    const main = await job.runMain(
      {},
      // Long enough for the fixture to write its state first even on a busy machine.
      { entry: FIXTURE_MAIN, env: { FIXTURE_MODE: 'hang' }, timeoutMs: 5000 },
    );
    assert.equal(main.timedOut, true);
    assert.equal(main.signal, 'SIGKILL');
    assert.equal(main.exitCode, null);
    assert.deepEqual(main.state, { created: 'profile-a\nprofile-b' });
  });

  test('refuses an input action.yml does not declare', async (t) => {
    const job = await jobFor(t);
    await assert.rejects(
      job.runMain({ role_arn: ROLE }, { entry: FIXTURE_MAIN }),
      /Unexpected input\(s\) 'role_arn'/,
    );
  });

  test('cleanup removes every directory of the job', async (t) => {
    const job = await jobFor(t);
    await job.cleanup();
    assert.equal(existsSync(job.dir), false);
  });
});
