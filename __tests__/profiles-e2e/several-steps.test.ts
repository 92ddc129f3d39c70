// Several steps of one job write different profiles; the runner runs their posts in reverse order at the
// end of the job. Every profile is usable in between, and the files end as they were before the job.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertClean,
  commandMessages,
  phaseLog,
  roleArn,
  rowsFor,
  sessionArn,
  startAwsTestServer,
} from '../../testing/e2e/index.ts';
import type { Job, PhaseResult } from '../../testing/runner-harness/index.ts';
import { botoArn, clientEnv, sdkFiles } from './support/clients.ts';
import { LaterStepPython } from './support/later-step-python.ts';
import {
  accountNumber,
  awsPaths,
  HUB_ACCOUNT,
  oidcJob,
  runMain,
  runPost,
  SESSION_NAME,
} from './support/profile-steps.ts';
import { exists, type Snapshot, seed, snapshot } from './support/shared-files.ts';

const [A, B, C, D] = [0, 1, 2, 3].map(accountNumber) as [string, string, string, string];
/** Four steps: one profile; two through a hub; a keys-free imds step; a default profile. */
const STEPS: { inputs: Record<string, string>; arns: Record<string, string> }[] = [
  {
    inputs: { 'role-arn': roleArn('app', A), profile: 'app' },
    arns: { app: sessionArn('app', SESSION_NAME, A) },
  },
  {
    inputs: {
      'role-arn': roleArn('hub', HUB_ACCOUNT),
      profiles: `dev: ${roleArn('deploy', B)}\nprod: ${roleArn('deploy', C)}`,
    },
    arns: { dev: sessionArn('deploy', SESSION_NAME, B), prod: sessionArn('deploy', SESSION_NAME, C) },
  },
  {
    inputs: { source: 'imds', 'role-arn': roleArn('audit', D), profile: 'audit', region: 'ap-south-1' },
    arns: { audit: sessionArn('audit', SESSION_NAME, D) },
  },
  {
    inputs: { 'role-arn': roleArn('default-role', A), profile: 'default' },
    arns: { default: sessionArn('default-role', SESSION_NAME, A) },
  },
];
const ALL_ARNS = Object.assign({}, ...STEPS.map((step) => step.arns)) as Record<string, string>;

const SEEDED: Snapshot = {
  config: '# mine\r\n[profile mine]\r\nregion = us-west-2\r\n',
  credentials: '[mine]\r\naws_access_key_id = AKIAEXAMPLEMINE00000\r\naws_secret_access_key = mine\r\n',
};

let server: AwsTestServer;
/** The later steps' boto3 and AWS CLI: a Python process each, for the whole file. */
const python = new LaterStepPython();
before(async () => {
  server = await startAwsTestServer();
});
after(async () => {
  await python.close();
  await server.close();
});

/** Runs every step's main in order, checks all profiles with boto3, then every post in reverse order. */
async function runJob(job: Job): Promise<PhaseResult[]> {
  const env = { AWS_EC2_METADATA_SERVICE_ENDPOINT: server.imdsEndpoint, AWS_EC2_METADATA_DISABLED: 'false' };
  const mains: PhaseResult[] = [];
  for (const step of STEPS) {
    const main = await runMain(job, step.inputs, step.inputs.source === 'imds' ? env : {});
    assertClean(main);
    mains.push(main);
  }
  const names = Object.keys(ALL_ARNS);
  const boto = await python.botocore(server, clientEnv(job), { profiles: names });
  assert.deepEqual(Object.fromEntries(names.map((name) => [name, botoArn(boto, name)])), ALL_ARNS);
  const sdk = await sdkFiles(awsPaths(job));
  for (const name of names) assert.match(String(sdk.credentialsFile[name]?.aws_access_key_id), /^ASIA/, name);
  assert.equal(sdk.configFile.audit?.region, 'ap-south-1');
  assert.equal(sdk.configFile.default?.region, 'eu-west-2');
  const posts = [];
  for (const main of mains.toReversed()) posts.push(await runPost(job, main));
  return posts;
}

describe('several steps in one job', { concurrency: true }, () => {
  // Each pair below runs the same steps into a fresh HOME and into files that were there. `npm test` runs one
  // of each pair, so it still sees both: ~/.aws made and removed across four steps, and seeded files kept
  // through a profile written twice. The deep tier runs all four.
  for (const seeded of rowsFor([false, true])) {
    test(seeded
      ? 'into files that were there: all profiles usable, then the files exactly as before the job'
      : 'into a fresh HOME: the first step creates ~/.aws, and its post (the last to run) removes it', {
      skip: skipOn.botocore(),
    }, async (t) => {
      const job = await oidcJob(t, server);
      const paths = awsPaths(job);
      const before = seeded ? await seed(paths, SEEDED) : await snapshot(paths);
      for (const post of await runJob(job)) assertClean(post);
      assert.deepEqual(await snapshot(paths), before);
      assert.equal(await exists(paths.dir), seeded);
    });
  }

  for (const seeded of rowsFor([true, false])) {
    test(`a profile written again by a later step is removed once; the earlier post finds it gone (${seeded ? 'existing files' : 'fresh HOME'})`, {
      skip: skipOn.botocore(),
    }, async (t) => {
      const job = await oidcJob(t, server);
      const paths = awsPaths(job);
      const before = seeded ? await seed(paths, SEEDED) : await snapshot(paths);
      const step = { 'role-arn': roleArn('app', A), profile: 'app' };
      const first = await runMain(job, step);
      const second = await runMain(job, step);
      assertClean(first);
      assertClean(second);
      assertClean(await runPost(job, second));
      const post = await runPost(job, first);
      assert.equal(post.exitCode, 0, phaseLog(post));
      for (const warning of commandMessages(post, 'warning'))
        assert.match(warning, /profile 'app' .* is already gone/);
      assert.deepEqual(await snapshot(paths), before);
      assert.equal(await exists(paths.dir), seeded);
    });
  }
});
