// A matrix burst: 50 action processes at once against one test server that throttles 30% of STS calls, all
// sharing one HOME, each exporting its credentials and writing its own profile into the shared ~/.aws.
// Every job succeeds within the retry bounds (the attempts each needed are printed from the server's log),
// and afterwards the shared files hold all 50 profiles, readable by botocore and the JS SDK.
// No wall-clock assertion: 50 writers queue on the shared files' lock, each fsyncing, so how long the burst
// takes depends on the disk. The hang guard is only there to end a run that would never finish.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import {
  type BotocoreResult,
  readWithBotocore,
  readWithSdk,
} from '../../__fixtures__/profiles/shared-file-readers.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/net/retry.ts';
import {
  type AwsTestServer,
  type LoggedRequest,
  startAwsTestServer,
} from '../../testing/aws-test-server/index.ts';
import {
  ACCOUNT_ID,
  assertSucceeded,
  jobEnv,
  oidcEnv,
  type RetryBounds,
  retryEnv,
  roleArn,
} from '../../testing/e2e/index.ts';
import { createJob, type StepResult } from '../../testing/runner-harness/index.ts';

const JOBS = 50;
const THROTTLE_RATE = 0.3;
/**
 * Never more throttles in a row for one job than this: so the burst's outcome is decided by the retry
 * policy, not by a rare draw (at 30%, 10 throttles in a row would end one job in 3,000 bursts; a cap of 6
 * is reached in about one burst in 30, and a job that hits it still needs 7 attempts).
 */
const MAX_THROTTLES_IN_A_ROW = 6;
/**
 * The default AWS_MAX_ATTEMPTS (10). Small bases keep the worst case near a second; long timeouts,
 * because 50 processes starting at once on two cores answer slowly, and this suite counts attempts.
 */
const LOAD: RetryBounds = {
  maxAttempts: DEFAULT_RETRY_POLICY.maxAttempts,
  baseMs: 2,
  requestTimeoutMs: 15_000,
  totalTimeoutMs: 60_000,
};
/** Kills a job only if it hangs: queued behind 49 fsyncing writers on a slow disk, a job may wait long. */
const HANG_GUARD_MS = 100_000;
const WEB_IDENTITY = 'AssumeRoleWithWebIdentity';
const ROLE_NAME = 'matrix-deploy';
/** What a person already keeps in the shared files: it must come through byte for byte. */
const SEEDED_CREDENTIALS = '# kept by a person\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n';
const SEEDED_CONFIG = '[default]\nregion = eu-west-1\n\n[profile mine]\nregion = us-east-2\n';

interface BurstJob {
  name: string;
  step: StepResult;
}

let server: AwsTestServer;
let home: string;
let credentialsFile: string;
let configFile: string;
let jobs: BurstJob[];
/** The server's log of the whole burst. */
let requests: LoggedRequest[];
let wallMs: number;

before(async () => {
  server = await startAwsTestServer();
  home = await mkdtemp(join(tmpdir(), 'reliability-shared-home-'));
  credentialsFile = join(home, '.aws', 'credentials');
  configFile = join(home, '.aws', 'config');
  await mkdir(join(home, '.aws'), { mode: 0o700 });
  await writeFile(credentialsFile, SEEDED_CREDENTIALS, { mode: 0o600 });
  await writeFile(configFile, SEEDED_CONFIG, { mode: 0o600 });

  server.faults.setThrottleRate(THROTTLE_RATE, MAX_THROTTLES_IN_A_ROW);
  const env = { ...jobEnv(server), ...retryEnv(LOAD), ...oidcEnv(server) };
  // One HOME and one pair of shared files for every job, as on a self-hosted runner running a matrix.
  const shared = { HOME: home, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile };
  const runners = await Promise.all(Array.from({ length: JOBS }, () => createJob({ env })));
  try {
    const started = performance.now();
    jobs = await Promise.all(
      runners.map(async (job, index): Promise<BurstJob> => {
        const name = `matrix-${index}`;
        const inputs = {
          source: 'oidc',
          'role-arn': roleArn(ROLE_NAME),
          'session-name': name,
          profile: name,
          region: 'us-west-2',
          'export-env': 'true',
          cleanup: 'false',
        };
        // Main only: with cleanup off, post would only say that the profiles stay.
        const step = await job.runStep(inputs, { env: shared, runPost: false, timeoutMs: HANG_GUARD_MS });
        return { name, step };
      }),
    );
    wallMs = performance.now() - started;
    requests = [...server.requests];
  } finally {
    server.faults.clear();
    await Promise.all(runners.map((job) => job.cleanup()));
  }
});
after(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

test(`${JOBS} concurrent jobs against 30% throttling all succeed within the retry bounds`, {
  skip: skipOn.botocore(),
}, (t) => {
  const histogram = new Map<number, number>();
  for (const { name, step } of jobs) {
    assertSucceeded(step);
    const calls = requests.filter(
      (request) => request.action === WEB_IDENTITY && request.params.RoleSessionName === name,
    );
    const outcomes = calls.map((call) => call.errorCode ?? call.status);
    assert.ok(calls.length <= MAX_THROTTLES_IN_A_ROW + 1, `${name}: ${calls.length} attempts`);
    assert.deepEqual(outcomes, [...Array(calls.length - 1).fill('Throttling'), 200], name);
    assert.equal(step.main.outputs.arn, `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${ROLE_NAME}/${name}`);
    histogram.set(calls.length, (histogram.get(calls.length) ?? 0) + 1);
  }
  assert.equal(new Set(jobs.map(({ step }) => step.main.exported.AWS_ACCESS_KEY_ID)).size, JOBS);

  const sts = requests.filter((request) => request.action === WEB_IDENTITY);
  const throttled = sts.filter((request) => request.errorCode === 'Throttling').length;
  const line = [...histogram.entries()]
    .sort(([a], [b]) => a - b)
    .map(([attempts, count]) => `${attempts} attempt${attempts === 1 ? '' : 's'}: ${count} jobs`)
    .join(', ');
  const summary =
    `burst of ${JOBS}: ${line}; ${throttled} of ${sts.length} STS calls throttled; ` +
    `longest step ${Math.round(Math.max(...jobs.map(({ step }) => step.main.durationMs)))} ms, ` +
    `wall ${Math.round(wallMs)} ms`;
  t.diagnostic(summary);
  console.log(`# ${summary}`);
});

test(`the ${JOBS} profiles are all in the shared files, which botocore and the JS SDK read whole`, {
  skip: skipOn.botocore(),
}, async () => {
  // Nothing else left behind: no lock, journal or temp file.
  assert.deepEqual((await readdir(join(home, '.aws'))).sort(), ['config', 'credentials']);
  const [credentialsText, configText] = await Promise.all([
    readFile(credentialsFile, 'utf8'),
    readFile(configFile, 'utf8'),
  ]);
  assert.ok(credentialsText.startsWith(SEEDED_CREDENTIALS), 'the existing credentials bytes are kept');
  assert.ok(configText.startsWith(SEEDED_CONFIG), 'the existing config bytes are kept');

  const names = jobs.map(({ name }) => name);
  const [botocore] = readWithBotocore([{ credentials: credentialsFile, config: configFile, resolve: names }]);
  assert.ok(botocore, 'botocore answered');
  assert.equal(botocore.credentials.error, undefined, `botocore: ${botocore.credentials.error}`);
  assert.equal(botocore.config.error, undefined, `botocore: ${botocore.config.error}`);
  assert.equal(Object.keys(botocore.credentials).length, JOBS + 1, 'every profile, and the seeded one');
  const sdk = await readWithSdk(credentialsFile, configFile);
  assert.equal(sdk.configFile.mine?.region, 'us-east-2');
  assert.equal(sdk.credentialsFile.default?.aws_access_key_id, 'AKIAIOSFODNN7EXAMPLE');

  for (const { name, step } of jobs) {
    const resolved: BotocoreResult['resolved'][string] | undefined = botocore.resolved[name];
    assert.ok(Array.isArray(resolved), `botocore resolves ${name}: ${JSON.stringify(resolved)}`);
    const [accessKeyId, secretAccessKey, sessionToken]: (string | null)[] = resolved;
    // The profile holds what its own job was issued, and exported.
    assert.equal(accessKeyId, step.main.exported.AWS_ACCESS_KEY_ID, name);
    assert.equal(secretAccessKey, step.main.exported.AWS_SECRET_ACCESS_KEY, name);
    assert.equal(sessionToken, step.main.exported.AWS_SESSION_TOKEN, name);
    assert.deepEqual(sdk.credentialsFile[name], {
      aws_access_key_id: accessKeyId,
      aws_secret_access_key: secretAccessKey,
      aws_session_token: sessionToken,
    });
    assert.equal(sdk.configFile[name]?.region, 'us-west-2');
    assert.equal(botocore.config.profiles[name]?.region, 'us-west-2');
    const reported = JSON.parse(step.main.outputs.profiles ?? '[]') as { name: string }[];
    assert.deepEqual(
      reported.map((profile) => profile.name),
      [name],
    );
  }
});
