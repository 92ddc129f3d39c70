// `refresh: true`: the profile is a credential_process running the bundled CLI, and the AWS CLI keeps
// working with it after the first credentials have expired (the server's sessions last seconds here).
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer, LoggedRequest } from '../../testing/aws-test-server/index.ts';
import {
  assertClean,
  assertFailedPhase,
  containerEnv,
  imdsEnv,
  oidcEnv,
  roleArn,
  rowsFor,
  sessionArn,
  testServer,
} from '../../testing/e2e/index.ts';
import type { Job } from '../../testing/runner-harness/index.ts';
import { clientEnv, jsSdkCallerArn, type Keys, sdkFiles } from './support/clients.ts';
import { LaterStepPython } from './support/later-step-python.ts';
import {
  awsPaths,
  HUB_ACCOUNT,
  oidcJob,
  profilesOutput,
  runMain,
  runPost,
  SESSION_NAME,
} from './support/profile-steps.ts';
import { bytesOf, exists, modeOf, sectionLines, seed, snapshot } from './support/shared-files.ts';

/** Long enough for one AWS CLI call, short enough that the test can wait for the credentials to expire. */
const SESSION_LIFETIME_MS = 3000;
/** The server reports expirations rounded down to the second. */
const EXPIRATION_ROUNDING_MS = 1000;
const ACCOUNT = '444444444444';
const ROLE = roleArn('long-job', ACCOUNT);
const ARN = sessionArn('long-job', SESSION_NAME, ACCOUNT);
/** Where the CLI keeps its credential_process cache in a job (RUNNER_TEMP is emptied after each job). */
const CACHE_DIR = 'assume-aws-role-cache';

interface SourceCase {
  source: string;
  /** What a later step of such a job has in its environment, for the CLI to reach the same source. */
  env: (server: AwsTestServer) => Record<string, string>;
  /** A log entry that shows the source itself was asked again (a new token or new instance credentials). */
  isSourceFetch: (request: LoggedRequest) => boolean;
  /** The STS calls of one renewal. */
  renewal: string[];
  extraInputs?: Record<string, string>;
  /** Choose the profile as the README shows, with `env: AWS_PROFILE` on the step, not with --profile. */
  awsProfileEnv?: boolean;
  /** Set up the job before the step runs. */
  prepare?: (job: Job, server: AwsTestServer) => Promise<void>;
  /** The later step's working directory (default the workspace, where the action ran). */
  clientCwd?: (job: Job) => string;
}

/** The first row runs in `npm test`: the chain through a hub, chosen with AWS_PROFILE, exercises the most.
 * The other sources only vary what the same command fetches; they run in the deep tier. */
const CASES: SourceCase[] = [
  {
    source: 'oidc',
    env: oidcEnv,
    isSourceFetch: (request) => request.target === 'oidc' && request.action === 'token',
    renewal: ['AssumeRoleWithWebIdentity', 'AssumeRole'],
    extraInputs: { 'role-arn': roleArn('hub', HUB_ACCOUNT), profile: '', profiles: `long: ${ROLE}` },
    awsProfileEnv: true,
  },
  {
    source: 'oidc',
    env: oidcEnv,
    isSourceFetch: (request) => request.target === 'oidc' && request.action === 'token',
    renewal: ['AssumeRoleWithWebIdentity'],
  },
  {
    source: 'imds',
    env: imdsEnv,
    isSourceFetch: (request) =>
      request.target === 'imds' && request.params.path?.includes('security-credentials/') === true,
    renewal: ['AssumeRole'],
  },
  {
    // The token file given relative to the workspace; the later step runs elsewhere (working-directory).
    source: 'web-identity',
    env: () => ({}),
    isSourceFetch: (request) => request.action === 'AssumeRoleWithWebIdentity',
    renewal: ['AssumeRoleWithWebIdentity'],
    extraInputs: { 'web-identity-token-file': 'token.jwt' },
    prepare: (job, server) => writeFile(join(job.workspace, 'token.jwt'), server.mintIdToken()),
    clientCwd: (job) => job.home,
  },
  {
    source: 'container',
    env: containerEnv,
    isSourceFetch: (request) => request.target === 'container',
    renewal: ['AssumeRole'],
  },
];

/** The entries the CLI cached, as the credential_process JSON it hands the AWS CLI. */
async function cachedEntries(job: Job): Promise<(Keys & { expiration: string })[]> {
  const dir = join(job.runnerTemp, CACHE_DIR);
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.json'));
  const entries = [];
  for (const name of names) {
    const entry = JSON.parse(await readFile(join(dir, name), 'utf8'));
    entries.push({
      accessKeyId: entry.AccessKeyId,
      secretAccessKey: entry.SecretAccessKey,
      sessionToken: entry.SessionToken,
      expiration: entry.Expiration,
    });
  }
  return entries;
}

/** The later steps' boto3 and AWS CLI: a Python process each, for the whole file. */
const python = new LaterStepPython();
after(() => python.close());

/** The error STS answers GetCallerIdentity with for `keys` (the JS SDK, in this process), or 'none'. */
async function stsErrorFor(server: AwsTestServer, keys: Keys): Promise<string> {
  const { accessKeyId, secretAccessKey, sessionToken } = keys;
  const credentials = { accessKeyId, secretAccessKey, sessionToken };
  const sts = new STSClient({
    endpoint: server.stsEndpoint,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials,
  });
  try {
    await sts.send(new GetCallerIdentityCommand({}));
    return 'none';
  } catch (error) {
    return (error as Error).name;
  }
}

const callerIdentities = (requests: readonly LoggedRequest[]) =>
  requests.filter((request) => request.action === 'GetCallerIdentity');

describe('a refreshing profile', { concurrency: true }, () => {
  for (const kase of rowsFor(CASES)) {
    const chain = kase.renewal.join(' + ');
    test(`source ${kase.source} (${chain}): the AWS CLI still gets the role after the first credentials expired`, {
      skip: skipOn.botocore() || skipOn.awsCli(),
    }, async (t) => {
      // A server of its own: its log holds only this test's requests.
      const server = await testServer(t, { sessionLifetimeMs: SESSION_LIFETIME_MS });
      const job = await oidcJob(t, server, kase.env(server));
      await kase.prepare?.(job, server);
      const inputs = {
        source: kase.source,
        'role-arn': ROLE,
        profile: 'long',
        refresh: 'true',
        duration: '900',
        ...kase.extraInputs,
      };
      const main = await runMain(job, Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== '')));
      assertClean(main);
      assert.deepEqual(
        profilesOutput(main).map(({ name, arn, expiration, refresh }) => ({
          name,
          arn,
          expiration,
          refresh,
        })),
        [{ name: 'long', arn: ARN, expiration: undefined, refresh: true }],
      );

      // The profile is only a command (no keys anywhere), in a private file.
      const paths = awsPaths(job);
      const config = (await bytesOf(paths.config)) ?? '';
      const [, , region, command, ...rest] = sectionLines(config, '[profile long]');
      assert.equal(region, 'region = eu-west-2\n');
      assert.match(command ?? '', /^credential_process = \S+ \S+\/dist\/cli\.js --format process --cache /);
      assert.match(command ?? '', new RegExp(`--source ${kase.source} `));
      assert.match(command ?? '', / --duration 900 /);
      assert.deepEqual(rest, []);
      assert.equal(await exists(paths.credentials), false, 'no credentials file: no keys were written');
      assert.equal(await modeOf(paths.config), 0o600);

      // A later step: the job's HOME and RUNNER_TEMP, and what the source needs, nothing else of AWS.
      const env = clientEnv(job, {
        RUNNER_TEMP: job.runnerTemp,
        ...kase.env(server),
        ...(kase.awsProfileEnv ? { AWS_PROFILE: 'long' } : {}),
      });
      const profile = kase.awsProfileEnv ? undefined : 'long';
      const cwd = kase.clientCwd?.(job) ?? job.workspace;
      const first = server.requests.length;
      assert.equal(await python.awsCliCallerArn(server, profile, env, cwd), ARN);
      const firstCall = server.requests.slice(first);
      const [firstIdentity] = callerIdentities(firstCall);
      assert.ok(firstCall.some(kase.isSourceFetch), 'the first call fetched from the source');
      const [cached] = await cachedEntries(job);
      assert.ok(cached, 'the CLI cached what it fetched');
      assert.equal(
        firstIdentity?.callerAccessKeyId,
        cached.accessKeyId,
        'the AWS CLI used the cached credentials',
      );

      // Wait until the first credentials are truly dead at STS.
      const expired = Date.parse(cached.expiration) + EXPIRATION_ROUNDING_MS + 100;
      await sleep(Math.max(0, expired - Date.now()));
      assert.equal(await stsErrorFor(server, cached), 'ExpiredToken', 'the first credentials expired');

      const second = server.requests.length;
      assert.equal(await python.awsCliCallerArn(server, profile, env, cwd), ARN);
      const secondCall = server.requests.slice(second);
      const [renewedIdentity] = callerIdentities(secondCall);
      assert.ok(
        renewedIdentity && renewedIdentity.callerAccessKeyId !== cached.accessKeyId,
        'new credentials',
      );
      const renewal = secondCall.filter((request) => request.at <= renewedIdentity.at);
      assert.ok(renewal.some(kase.isSourceFetch), `the source was asked again: ${JSON.stringify(renewal)}`);
      const stsRenewal = renewal.filter(
        (request) => request.target === 'sts' && request.action !== 'GetCallerIdentity',
      );
      // botocore runs the command again at once (the credentials are inside its 10-minute window); on a
      // slow machine that second run may renew once more. Either way: whole renewals, all answered.
      const renewals = Math.max(1, Math.floor(stsRenewal.length / kase.renewal.length));
      assert.deepEqual(
        stsRenewal.map((request) => [request.action, request.status]),
        Array.from({ length: renewals }, () => kase.renewal.map((action) => [action, 200])).flat(),
      );
      const last = stsRenewal.at(-1);
      assert.equal(last?.params.RoleArn, ROLE);
      assert.equal(last?.params.DurationSeconds, '900', 'the profile still asks for the minimum of 900 s');

      assertClean(await runPost(job, main));
      assert.equal(await exists(paths.dir), false);
    });
  }
});

test('refresh with source keys is refused before anything is written', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const server = await testServer(t);
  const job = await oidcJob(t, server);
  const { accessKeyId, secretAccessKey } = server.identities.user;
  server.clearLog();
  const main = await runMain(job, {
    source: 'keys',
    'aws-access-key-id': accessKeyId,
    'aws-secret-access-key': secretAccessKey,
    'role-arn': ROLE,
    profile: 'long',
    refresh: 'true',
  });
  assert.match(assertFailedPhase(main), /refresh.*access keys/i);
  assert.deepEqual(server.requests, [], 'refused before any request');
  assert.deepEqual(main.outputs, {});
  assert.equal(await exists(awsPaths(job).dir), false, 'nothing written');
  assertClean(await runPost(job, main));
});

test('a refreshing profile written over a profile of keys drops the keys, which would win over the command', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  // botocore reads the credentials file before credential_process: stale keys left there would be used.
  const server = await testServer(t);
  const job = await oidcJob(t, server);
  const paths = awsPaths(job);
  const before = await seed(paths, { config: '[profile mine]\nregion = us-west-2\n' });
  const keysStep = await runMain(job, { 'role-arn': ROLE, profile: 'long' });
  assertClean(keysStep);
  const staticKey = (await sdkFiles(paths)).credentialsFile.long?.aws_access_key_id;
  assert.match(String(staticKey), /^ASIA/);
  const refreshStep = await runMain(job, { 'role-arn': ROLE, profile: 'long', refresh: 'true' });
  assertClean(refreshStep);
  assert.equal(
    await bytesOf(paths.credentials),
    '',
    'the keys section is gone; the file it created is empty',
  );

  server.clearLog();
  const env = clientEnv(job, { RUNNER_TEMP: job.runnerTemp, ...oidcEnv(server) });
  assert.equal(await python.awsCliCallerArn(server, 'long', env), ARN);
  const used = server.requests.find((request) => request.action === 'GetCallerIdentity')?.callerAccessKeyId;
  assert.ok(used && used !== staticKey, 'not the keys of the first step');
  assert.ok(
    server.requests.some((request) => request.target === 'oidc'),
    'the command fetched a new token',
  );

  // Posts in reverse order: the refresh step's, then the keys step's, whose sections are already gone.
  assertClean(await runPost(job, refreshStep));
  const post = await runPost(job, keysStep);
  assert.equal(post.exitCode, 0);
  assert.deepEqual(await snapshot(paths), before);
});

test('a session policy with quotes, $, backticks, " ;" and " #" survives the profile: both SDKs send it as main did', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const server = await testServer(t);
  const job = await oidcJob(t, server);
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: "arn:aws:s3:::bucket/it's $HOME `id` ;|& #not-a-comment \\ %PATH% ~/*",
      },
    ],
  };
  const main = await runMain(job, {
    profiles: `long: ${ROLE}`,
    refresh: 'true',
    'inline-session-policy': JSON.stringify(policy, null, 2),
    'session-tags': 'Team=Platform Ops',
  });
  assertClean(main);
  const sent = server.requests.filter((request) => request.action === 'AssumeRoleWithWebIdentity');
  assert.equal(sent.at(-1)?.params.Policy, JSON.stringify(policy));

  // Each client with its own empty cache, so each really runs the command and renews. `npm test` runs the JS
  // SDK (the command through a shell); the AWS CLI (which splits the line itself) runs in the deep tier.
  for (const [client, callerArn] of rowsFor([
    ['JS SDK', jsSdkCallerArn],
    ['AWS CLI', (...args: Parameters<typeof jsSdkCallerArn>) => python.awsCliCallerArn(...args)],
  ] as const)) {
    const env = clientEnv(job, {
      RUNNER_TEMP: await mkdtemp(join(job.dir, 'later-step-')),
      ...oidcEnv(server),
    });
    server.clearLog();
    assert.equal(await callerArn(server, 'long', env), ARN, client);
    const renewed = server.requests.filter((request) => request.action === 'AssumeRoleWithWebIdentity');
    assert.ok(renewed.length > 0, `${client} ran the command`);
    for (const request of renewed) assert.equal(request.params.Policy, JSON.stringify(policy), client);
  }
  assertClean(await runPost(job, main));
});
