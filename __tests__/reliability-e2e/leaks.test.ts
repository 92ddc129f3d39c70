// Every end-to-end scenario (each source, chains, profiles, refresh, failures) with RUNNER_DEBUG=1, through a
// tap that records every secret handed out: each is masked, and none is shown anywhere a person or a later
// step could read it, in whole or in part. See support/leak-check.ts for what "anywhere" covers.
// `npm test` checks each source, hand-over and failure path once; the deep tier adds the cases that only
// repeat one of them (another source with a role, another failure after the credentials came). The container
// source masks through the same metadata-answer reader as IMDS, so it runs in the deep tier only.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { promisify } from 'node:util';
import { skipOn } from '../../__fixtures__/platform.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  ACCOUNT_ID,
  assertFailed,
  assertSucceeded,
  containerEnv,
  deepTest,
  imdsEnv,
  jobEnv,
  oidcEnv,
  PHASE_TIMEOUT_MS,
  phaseLog,
  roleArn,
} from '../../testing/e2e/index.ts';
import { createJob, type Job, type PhaseResult } from '../../testing/runner-harness/index.ts';
import { assertNoLeaks, SecretFinder } from './support/leak-check.ts';
import { type SecretTap, startSecretTap } from './support/secret-tap.ts';

const run = promisify(execFile);
const REFRESH_CACHE_DIR = 'assume-aws-role-cache'; // under RUNNER_TEMP (src/cli/cache/cache-dir.ts)

let server: AwsTestServer;
let tap: SecretTap;
before(async () => {
  server = await startAwsTestServer();
  tap = await startSecretTap(server);
});
afterEach(() => server.faults.clear());
after(async () => {
  await tap.close();
  await server.close();
});

const user = () => server.identities.user;
const keyInputs = () => ({
  source: 'keys',
  'aws-access-key-id': user().accessKeyId,
  'aws-secret-access-key': user().secretAccessKey,
});
const step = (job: Job, inputs: Record<string, string>, env: Record<string, string> = {}) =>
  job.runStep(inputs, { env, timeoutMs: PHASE_TIMEOUT_MS });

interface Scenario {
  /** Every phase that ran, in order. */
  phases: PhaseResult[];
  /** Secrets the test itself handed the action (input keys, a planted token). */
  given?: string[];
  /** Values that need no mask but must never be shown (an external id). */
  unshown?: string[];
  /** What of the tap's secrets the action itself received, when something else used the tap too. */
  actionSecrets?: string[];
  outputCredentials?: boolean;
  /** Planted files that hold a secret on purpose. */
  planted?: string[];
}

/**
 * A fresh job that reaches AWS only through the tap, with RUNNER_DEBUG=1; after `body`, every secret the
 * tap saw and every secret the test gave is checked against everything the job left behind.
 * `checkpoint` runs the same check part-way (after main, before post deletes what it wrote).
 */
async function leakCase(
  env: Record<string, string>,
  body: (job: Job, checkpoint: (scenario: Scenario) => Promise<void>) => Promise<Scenario>,
): Promise<void> {
  tap.secrets.clear();
  // Its own TMPDIR, scanned too, so that a temp file written anywhere would be seen.
  const temp = await mkdtemp(join(tmpdir(), 'reliability-leak-tmp-'));
  const job = await createJob({
    env: { ...jobEnv(tap), RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true', TMPDIR: temp, ...env },
  });
  const check = (scenario: Scenario) => {
    const received = scenario.actionSecrets ?? [...tap.secrets];
    const others = [...tap.secrets].filter((secret) => !received.includes(secret));
    return assertNoLeaks(job, scenario.phases, {
      secrets: [...received, ...(scenario.given ?? [])],
      ambient: [
        server.oidc.requestToken,
        server.container.authorizationToken,
        ...others,
        ...(scenario.unshown ?? []),
      ],
      allowedFiles: [join(job.home, '.aws', 'credentials'), ...(scenario.planted ?? [])],
      allowedDirs: [join(job.runnerTemp, REFRESH_CACHE_DIR)],
      outputCredentials: scenario.outputCredentials,
      alsoScan: [temp],
    });
  };
  try {
    const scenario = await body(job, check);
    assert.ok(tap.secrets.size > 0 || (scenario.given?.length ?? 0) > 0, 'the scenario handled secrets');
    await check(scenario);
  } finally {
    await job.cleanup();
    await rm(temp, { recursive: true, force: true });
  }
}

test('the leak check itself: finds a secret in part, in hex or URL-safe base64, ignores shared prefixes', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+/';
  const sibling = 'wJalrXUtnFEMI/K7MDENG/different-secret-value';
  const finder = new SecretFinder([secret, sibling]);
  assert.deepEqual([...finder.in(`key ${secret.slice(11, 35)} shown`)], [secret]);
  assert.deepEqual([...finder.in(Buffer.from(secret).toString('hex'))], [secret]);
  assert.deepEqual([...finder.in(Buffer.from(secret).toString('base64url'))], [secret]);
  assert.deepEqual(
    [...finder.in(`prefix ${secret.slice(0, 16)} only`)],
    [],
    'a shared prefix names no secret',
  );
  assert.deepEqual([...finder.in(`****${secret.slice(-4)}`)], [], 'the last four are fine');
});

const phasesOf = (...steps: { main: PhaseResult; post?: PhaseResult }[]): PhaseResult[] =>
  steps.flatMap((one) => (one.post ? [one.main, one.post] : [one.main]));
const userKeys = () => [user().accessKeyId, user().secretAccessKey];

test('keys without a role, with output-credentials', () =>
  leakCase({}, async (job) => {
    const one = await step(job, { ...keyInputs(), 'output-credentials': 'true' });
    assertSucceeded(one);
    assert.equal(one.main.outputs['aws-secret-access-key'], user().secretAccessKey);
    return { phases: phasesOf(one), given: userKeys(), outputCredentials: true };
  }));

test('keys through a 3-hop chain, with session tags, an external id and a source identity', () =>
  leakCase({}, async (job) => {
    const one = await step(job, {
      ...keyInputs(),
      'role-arn': `${roleArn('a')} -> ${roleArn('b')} -> ${roleArn('c')}`,
      'session-tags': 'team=platform\nproject=leaks',
      'external-id': 'an-external-id-that-is-secret',
      'source-identity': 'octocat',
    });
    assertSucceeded(one);
    return { phases: phasesOf(one), given: userKeys(), unshown: ['an-external-id-that-is-secret'] };
  }));

deepTest('oidc with a role', () =>
  leakCase(oidcEnv(tap), async (job) => {
    const one = await step(job, { source: 'oidc', 'role-arn': roleArn('deploy') });
    assertSucceeded(one);
    return { phases: phasesOf(one) };
  }),
);

deepTest('imds without a role, then imds with a role', () =>
  leakCase(imdsEnv(tap), async (job) => {
    const bare = await step(job, { source: 'imds' });
    assertSucceeded(bare);
    const chained = await step(job, { source: 'imds', 'role-arn': roleArn('deploy') });
    assertSucceeded(chained);
    return { phases: phasesOf(bare, chained) };
  }),
);

test('auto finding IMDS: the probe token is masked too', () =>
  leakCase(imdsEnv(tap), async (job) => {
    const one = await step(job, { 'role-arn': roleArn('deploy') });
    assertSucceeded(one);
    assert.match(one.main.stdout, /^source: imds /m);
    return { phases: phasesOf(one) };
  }));

deepTest('container with a role', () =>
  leakCase(containerEnv(tap), async (job) => {
    const one = await step(job, { source: 'container', 'role-arn': roleArn('deploy') });
    assertSucceeded(one);
    return { phases: phasesOf(one) };
  }),
);

test('a web identity token file with a role', () =>
  leakCase({}, async (job) => {
    const token = server.mintIdToken();
    const file = join(job.dir, 'secrets', 'token');
    await mkdir(join(job.dir, 'secrets'));
    await writeFile(file, token);
    const one = await step(job, {
      source: 'web-identity',
      'web-identity-token-file': file,
      'role-arn': roleArn('d'),
    });
    assertSucceeded(one);
    return { phases: phasesOf(one), given: [token], planted: [file] };
  }));

test('env: a second step chains on the credentials the first exported', () =>
  leakCase({}, async (job) => {
    const first = await step(job, { ...keyInputs(), 'role-arn': roleArn('first') });
    assertSucceeded(first);
    const second = await step(job, { source: 'env', 'role-arn': roleArn('second') });
    assertSucceeded(second);
    return { phases: phasesOf(first, second), given: userKeys() };
  }));

test('profiles from oidc: a common hop, two profiles, then the post step removes them', () =>
  leakCase(oidcEnv(tap), async (job, checkpoint) => {
    const main = await job.runMain(
      {
        source: 'oidc',
        'role-arn': roleArn('hub'),
        profiles: `dev: ${roleArn('dev')}\nprod: ${roleArn('prod')} -> ${roleArn('prod-admin')}`,
      },
      { timeoutMs: PHASE_TIMEOUT_MS },
    );
    assertSucceeded({ main });
    const credentials = await readFile(join(job.home, '.aws', 'credentials'), 'utf8');
    assert.match(credentials, /^\[prod\]$/m);
    await checkpoint({ phases: [main] }); // the config file, the state and the rest, while the profiles exist
    const post = await job.runPost(main, { timeoutMs: PHASE_TIMEOUT_MS });
    assert.equal(post.exitCode, 0, phaseLog(post));
    return { phases: [main, post] };
  }));

test(
  'a refreshing profile from IMDS, and its credential_process run once to fill the cache',
  { skip: skipOn.posixShell() },
  () =>
    leakCase(imdsEnv(tap), async (job, checkpoint) => {
      const main = await job.runMain(
        { source: 'imds', 'role-arn': roleArn('deploy'), profile: 'refreshing', refresh: 'true' },
        { timeoutMs: PHASE_TIMEOUT_MS },
      );
      assertSucceeded({ main });
      const config = await readFile(join(job.home, '.aws', 'config'), 'utf8');
      const command = /^credential_process = (.+)$/m.exec(config)?.[1];
      assert.ok(command, config);
      // The renewal's own credentials never reach the action: they may be only in the cache (and on the
      // command's stdout, which is how a credential_process hands them over).
      const actionSecrets = [...tap.secrets];
      // As the JS SDK runs it: through a shell, in the environment of a later step.
      const renewal = await run('/bin/sh', ['-c', command], { env: job.env, timeout: PHASE_TIMEOUT_MS });
      const issued = JSON.parse(renewal.stdout) as { SecretAccessKey?: string };
      assert.ok(tap.secrets.has(issued.SecretAccessKey ?? ''), 'the renewal came from STS through the tap');
      assert.equal(renewal.stderr.includes(issued.SecretAccessKey ?? '-'), false);
      await checkpoint({ phases: [main], actionSecrets });
      const post = await job.runPost(main, { timeoutMs: PHASE_TIMEOUT_MS });
      return { phases: [main, post], actionSecrets };
    }),
);

test('failure: a chain whose hop 2 is denied (hop 1 was issued)', () =>
  leakCase({}, async (job) => {
    server.configureRole(roleArn('leak-denied'), { denyCallers: 'all' });
    const one = await step(job, {
      ...keyInputs(),
      'role-arn': `${roleArn('a')} -> ${roleArn('leak-denied')}`,
    });
    assertFailed(one);
    return { phases: phasesOf(one), given: userKeys() };
  }));

deepTest('failure: allowed-account-ids refuses the account after the credentials were issued', () =>
  leakCase(oidcEnv(tap), async (job) => {
    const one = await step(job, {
      source: 'oidc',
      'role-arn': roleArn('deploy'),
      'allowed-account-ids': '999999999999',
      'output-credentials': 'true',
    });
    assert.match(assertFailed(one), new RegExp(ACCOUNT_ID));
    return { phases: phasesOf(one) };
  }),
);

deepTest('failure: STS keeps refusing the OIDC token (two tokens fetched)', () =>
  leakCase(oidcEnv(tap), async (job) => {
    server.faults.inject({ target: 'sts', kind: 'invalid-identity-token', count: 10 });
    const one = await step(job, { source: 'oidc', 'role-arn': roleArn('deploy') });
    assertFailed(one);
    return { phases: phasesOf(one) };
  }),
);

deepTest('failure: IMDS credentials, then STS throttling to the end', () =>
  leakCase(imdsEnv(tap), async (job) => {
    server.faults.inject({ target: 'sts', kind: 'throttle', count: 100 });
    const one = await step(job, { source: 'imds', 'role-arn': roleArn('deploy') });
    assertFailed(one);
    return { phases: phasesOf(one) };
  }),
);

deepTest(
  'failure: a profile that would replace a foreign section is refused after the credentials came',
  () =>
    leakCase(containerEnv(tap), async (job) => {
      const aws = join(job.home, '.aws');
      await mkdir(aws, { mode: 0o700 });
      await writeFile(join(aws, 'credentials'), '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n', {
        mode: 0o600,
      });
      const one = await step(job, { source: 'container', 'role-arn': roleArn('deploy'), profile: 'dev' });
      assert.match(assertFailed(one), /overwrite-profile/);
      return { phases: phasesOf(one) };
    }),
);
