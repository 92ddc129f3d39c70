// The files a step leaves on the runner: private whatever the umask, and never written through a symbolic
// link someone else planted where the shared files belong.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { skipOn } from '../../__fixtures__/platform.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  assertSucceeded,
  commandMessages,
  deepTest,
  imdsEnv,
  jobEnv,
  PHASE_TIMEOUT_MS,
  roleArn,
  rowsFor,
  runStep,
  type StepRun,
  withJob,
} from '../../testing/e2e/index.ts';
import { createJob, type Job } from '../../testing/runner-harness/index.ts';

const run = promisify(execFile);
const mode = async (path: string): Promise<string> => ((await stat(path)).mode & 0o777).toString(8);
const REFRESH_CACHE_DIR = 'assume-aws-role-cache'; // under RUNNER_TEMP (src/cli/cache/cache-dir.ts)

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

const keyInputs = () => ({
  source: 'keys',
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
  'role-arn': roleArn('deploy'),
});

describe('under umask 000, everything written is private to the runner user', {
  skip: skipOn.posixModes(),
}, () => {
  let job: Job;
  let nested: string;
  let previousUmask: number;
  before(async () => {
    // The child processes inherit this process's umask: the most permissive one there is.
    previousUmask = process.umask(0);
    job = await createJob({ env: { ...jobEnv(server), ...imdsEnv(server) } });
    nested = join(job.home, 'nested', 'deeper', 'credentials');
    const written = await runStep(
      server,
      job,
      { ...keyInputs(), profile: 'plain', cleanup: 'false' },
      {
        AWS_SHARED_CREDENTIALS_FILE: nested,
      },
    );
    assertSucceeded(written);
    const refreshing = await runStep(server, job, {
      source: 'imds',
      'role-arn': roleArn('deploy'),
      profile: 'refreshing',
      refresh: 'true',
      cleanup: 'false',
    });
    assertSucceeded(refreshing);
    const config = await readFile(join(job.home, '.aws', 'config'), 'utf8');
    const command = /^credential_process = (.+)$/m.exec(config)?.[1] ?? 'false';
    await run('/bin/sh', ['-c', command], { env: job.env, timeout: PHASE_TIMEOUT_MS }); // fills the cache
  });
  after(async () => {
    process.umask(previousUmask);
    await job.cleanup();
  });

  test('the directories a step creates for the shared files are 0700', async () => {
    assert.equal(await mode(join(job.home, '.aws')), '700');
    assert.equal(await mode(join(job.home, 'nested')), '700');
    assert.equal(await mode(join(job.home, 'nested', 'deeper')), '700');
  });

  test('the shared files are 0600', async () => {
    assert.equal(await mode(nested), '600');
    assert.equal(await mode(join(job.home, '.aws', 'config')), '600');
  });

  test("the refresh cache's directory is 0700 and its entries 0600", async () => {
    const cache = join(job.runnerTemp, REFRESH_CACHE_DIR);
    assert.equal(await mode(cache), '700');
    const entries = await readdir(cache);
    assert.ok(entries.length > 0, 'the credential_process run cached its credentials');
    for (const entry of entries) assert.equal(await mode(join(cache, entry)), '600', entry);
  });

  // The dist/*.js loaders keep V8's compile cache in a directory of the user's own: Node creates what is
  // inside it with the umask's modes, so the directory itself must shut everyone else out.
  test("the V8 compile cache directory is 0700 and the user's own", async () => {
    const root = join(job.home, '.cache', 'assume-aws-role-v8');
    const stats = await stat(root);
    assert.equal(await mode(root), '700');
    assert.equal(stats.uid, process.getuid?.());
    assert.ok((await readdir(root)).length > 0, 'the cache was used');
  });
});

// The rule is unit-tested (__tests__/profiles/write-profiles.test.ts); end to end it repeats the write above.
deepTest(
  'an existing world-readable credentials file is 0600 once a profile is written into it',
  { skip: skipOn.posixModes() },
  () =>
    withJob(jobEnv(server), async (job) => {
      const aws = join(job.home, '.aws');
      await mkdir(aws, { mode: 0o700 });
      await writeFile(join(aws, 'credentials'), '[mine]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
      await chmod(join(aws, 'credentials'), 0o644);
      const written = await runStep(server, job, { ...keyInputs(), profile: 'dev', cleanup: 'false' });
      assertSucceeded(written);
      assert.equal(await mode(join(aws, 'credentials')), '600');
      assert.match(await readFile(join(aws, 'credentials'), 'utf8'), /^\[mine\]\naws_access_key_id = AKIA/);
    }),
);

describe('a symbolic link planted where the shared files go is refused', { skip: skipOn.symlinks() }, () => {
  /** Someone else's file that a link points at: it must come out untouched. */
  const TARGET_TEXT = '[theirs]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';

  async function plantedStep(
    job: Job,
    plant: (aws: string, target: string) => Promise<void>,
  ): Promise<StepRun> {
    const target = join(job.dir, 'elsewhere');
    await mkdir(target);
    await writeFile(join(target, 'credentials'), TARGET_TEXT);
    await writeFile(join(target, 'config'), TARGET_TEXT);
    await plant(join(job.home, '.aws'), target);
    // export-env on, so a failure that still handed credentials on would show.
    const step = await runStep(server, job, { ...keyInputs(), profile: 'dev', 'export-env': 'true' });
    assert.equal(await readFile(join(target, 'credentials'), 'utf8'), TARGET_TEXT);
    assert.equal(await readFile(join(target, 'config'), 'utf8'), TARGET_TEXT);
    assert.deepEqual((await readdir(target)).sort(), ['config', 'credentials'], 'nothing created there');
    return step;
  }

  const cases: [string, string, (aws: string, target: string) => Promise<void>][] = [
    [
      'a symlinked credentials file',
      'credentials',
      async (aws, target) => {
        await mkdir(aws, { mode: 0o700 });
        await symlink(join(target, 'credentials'), join(aws, 'credentials'));
      },
    ],
    [
      'a symlinked config file',
      'config',
      async (aws, target) => {
        await mkdir(aws, { mode: 0o700 });
        await symlink(join(target, 'config'), join(aws, 'config'));
      },
    ],
    ['a symlinked ~/.aws directory', '.aws', (aws, target) => symlink(target, aws)],
  ];
  // All three are refused where the profiles are written, unit-tested (__tests__/profiles/write-profiles.test.ts).
  for (const [name, linked, plant] of rowsFor(cases)) {
    test(name, () =>
      withJob(jobEnv(server), async (job) => {
        const link = linked === '.aws' ? join(job.home, '.aws') : join(job.home, '.aws', linked);
        const step = await plantedStep(job, plant);
        const error = assertFailed(step);
        assert.ok(
          error.startsWith(`${link}: is a symbolic link, and assume-aws-role never writes through one`),
          error,
        );
        assert.match(error, /Set AWS_(SHARED_CREDENTIALS|CONFIG)_FILE to the real file's path/);
        assert.ok((await lstat(link)).isSymbolicLink());
      }),
    );
  }

  test(
    'a link planted between main and post: post warns, leaves it alone, and does not fail',
    { skip: skipOn.symlinks() },
    () =>
      withJob(jobEnv(server), async (job) => {
        const main = await job.runMain({ ...keyInputs(), profile: 'dev' }, { timeoutMs: PHASE_TIMEOUT_MS });
        assertSucceeded({ main });
        const credentials = join(job.home, '.aws', 'credentials');
        const target = join(job.dir, 'theirs');
        await writeFile(target, TARGET_TEXT);
        await rm(credentials);
        await symlink(target, credentials);
        const post = await job.runPost(main, { timeoutMs: PHASE_TIMEOUT_MS });
        assert.equal(post.exitCode, 0);
        assert.match(commandMessages(post, 'warning').join('\n'), /cleanup: .*is a symbolic link/);
        assert.equal(await readFile(target, 'utf8'), TARGET_TEXT);
        assert.ok((await lstat(credentials)).isSymbolicLink());
      }),
  );
});
