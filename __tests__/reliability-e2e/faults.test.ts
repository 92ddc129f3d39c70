// Faults injected into the test server, end to end through the built action: each case succeeds after the
// retries it deserves, or fails with the right diagnosis, within the documented attempts and total budget (the
// server log shows them; no wall-clock bound on the step, which only a busy machine would break).
// Which errors are retried is the unit table's rule (__tests__/core/retry-classification.test.ts). `npm test`
// keeps one case per path: retried then succeeds, not retried, retries run out, the one fresh web identity
// token, each source's endpoint once; the other fault kinds and budgets run in the deep tier.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AwsTestServer,
  type LoggedRequest,
  startAwsTestServer,
  type TestServerOptions,
} from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  assertSucceeded,
  callsTo,
  containerEnv,
  deepTest,
  FAST,
  imdsEnv,
  type Job,
  jobEnv,
  oidcEnv,
  retryEnv,
  roleArn,
  runStep,
  type StepRun,
  withJob,
} from '../../testing/e2e/index.ts';

const DEPLOY = roleArn('deploy');

const keyInputs = (server: AwsTestServer) => ({
  source: 'keys',
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
});

/** Runs one step in a fresh job against `server`, with the given extra job env. */
function step(
  server: AwsTestServer,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<StepRun> {
  return withJob({ ...jobEnv(server, retryEnv()), ...env }, (job) => runStep(server, job, inputs));
}

/** A case's body, with a test server of its own (its faults and log are its alone): cases run side by side. */
function withServer(
  body: (server: AwsTestServer) => Promise<void>,
  options: TestServerOptions = {},
): () => Promise<void> {
  return async () => {
    const server = await startAwsTestServer(options);
    try {
      await body(server);
    } finally {
      await server.close();
    }
  };
}

/** Retries stayed within AWS_MAX_ATTEMPTS, and none started after the total timeout. */
function assertWithinBounds(calls: readonly LoggedRequest[], bounds = FAST): void {
  assert.ok(calls.length >= 1, 'at least one call was made');
  assert.ok(calls.length <= bounds.maxAttempts, `${calls.length} attempts > AWS_MAX_ATTEMPTS`);
  const span = (calls.at(-1)?.at ?? 0) - (calls[0]?.at ?? 0);
  assert.ok(span < bounds.totalTimeoutMs, `the last attempt started ${span} ms after the first`);
}

const outcomes = (calls: readonly LoggedRequest[]) => calls.map((call) => call.errorCode ?? call.status);

/** Sessions of an earlier step that expire while the test waits (the server's sessionLifetimeMs). */
const EXPORTED_LIFETIME_MS = 1500;

/** A step exports credentials into `job`; returns what it exported once they have expired. */
async function exportExpired(server: AwsTestServer, job: Job): Promise<Record<string, string>> {
  const first = await runStep(server, job, { ...keyInputs(server), 'role-arn': roleArn('first') });
  assertSucceeded(first);
  const expires = Date.parse(first.main.exported.AWS_CREDENTIAL_EXPIRATION ?? '');
  assert.ok(Number.isFinite(expires), 'the step exported an expiration');
  // STS reports expiry in whole seconds, so the session may live up to a second past it.
  await sleep(Math.max(0, expires - Date.now()) + 1100);
  return first.main.exported;
}

describe('faults, side by side', { concurrency: 3 }, () => {
  test(
    'STS throttling the next 3 calls: the 4th attempt succeeds',
    withServer(async (server) => {
      server.faults.inject({ target: 'sts', kind: 'throttle', count: 3 });
      const run = await step(server, { ...keyInputs(server), 'role-arn': DEPLOY });
      assertSucceeded(run);
      const calls = callsTo(run.requests, 'sts', 'AssumeRole');
      assert.deepEqual(outcomes(calls), ['Throttling', 'Throttling', 'Throttling', 200]);
      assertWithinBounds(calls);
    }),
  );

  deepTest(
    'STS answering 500 and then 503: the 3rd attempt succeeds',
    withServer(async (server) => {
      server.faults.inject({ target: 'sts', kind: 'server-error', count: 1 });
      server.faults.inject({ target: 'sts', kind: 'server-error', status: 503, count: 1 });
      const run = await step(server, { ...keyInputs(server), 'role-arn': DEPLOY });
      assertSucceeded(run);
      const calls = callsTo(run.requests, 'sts', 'AssumeRole');
      assert.deepEqual(outcomes(calls), ['InternalFailure', 'ServiceUnavailable', 200]);
      assertWithinBounds(calls);
    }),
  );

  deepTest(
    'STS throttling without end: exactly AWS_MAX_ATTEMPTS attempts, then a diagnosis',
    withServer(async (server) => {
      server.faults.inject({ target: 'sts', kind: 'throttle', count: 100 });
      const run = await step(server, { ...keyInputs(server), 'role-arn': DEPLOY });
      const error = assertFailed(run);
      const calls = callsTo(run.requests, 'sts', 'AssumeRole');
      assert.equal(calls.length, FAST.maxAttempts);
      assertWithinBounds(calls);
      assert.match(error, /hop 1 of 1 .*Throttling/);
      assert.match(error, /after retries/);
    }),
  );

  deepTest(
    'a dropped connection is retried',
    withServer(async (server) => {
      server.faults.inject({ target: 'sts', kind: 'drop', count: 1 });
      const run = await step(server, { ...keyInputs(server), 'role-arn': DEPLOY });
      assertSucceeded(run);
      const calls = callsTo(run.requests, 'sts', 'AssumeRole');
      assert.deepEqual(outcomes(calls), [0, 200]);
      assertWithinBounds(calls);
    }),
  );

  deepTest(
    'a response slower than the request timeout is abandoned and retried',
    withServer(async (server) => {
      const delayMs = FAST.requestTimeoutMs + 1500;
      server.faults.inject({ target: 'sts', kind: 'delay', delayMs, count: 1 });
      const run = await step(server, { ...keyInputs(server), 'role-arn': DEPLOY });
      assertSucceeded(run);
      const calls = callsTo(run.requests, 'sts', 'AssumeRole');
      assert.equal(calls.length, 2, 'the slow attempt was given up and a second one made');
      assertWithinBounds(calls);
    }),
  );

  deepTest(
    'STS never answering: attempts stop at the total timeout, with a diagnosis',
    withServer(async (server) => {
      const bounds = { ...FAST, requestTimeoutMs: 400, totalTimeoutMs: 1500 };
      server.faults.inject({ target: 'sts', kind: 'hang', count: 100 });
      const run = await step(server, { ...keyInputs(server), 'role-arn': DEPLOY }, retryEnv(bounds));
      const error = assertFailed(run);
      const calls = callsTo(run.requests, 'sts', 'AssumeRole');
      assert.ok(calls.length >= 2, 'a timeout is retried');
      assertWithinBounds(calls, bounds);
      assert.match(error, /hop 1 of 1/);
      assert.match(error, /(HttpTimeoutError: .*within 400 ms|TotalTimeoutError: .*1500 ms)/);
      assert.match(error, /Fix: check that http:\/\/127\.0\.0\.1:\d+ is reachable/);
    }),
  );

  test(
    'the OIDC token endpoint answering 503 twice, then a token',
    withServer(async (server) => {
      server.faults.inject({ target: 'oidc', kind: 'server-error', status: 503, count: 2 });
      const run = await step(server, { source: 'oidc', 'role-arn': DEPLOY }, oidcEnv(server));
      assertSucceeded(run);
      const tokenCalls = callsTo(run.requests, 'oidc', 'token');
      assert.deepEqual(outcomes(tokenCalls), ['ServiceUnavailable', 'ServiceUnavailable', 200]);
      assertWithinBounds(tokenCalls);
      assert.equal(callsTo(run.requests, 'sts', 'AssumeRoleWithWebIdentity').length, 1);
    }),
  );

  deepTest(
    'the OIDC token endpoint throttling (429) and dropping a connection, then a token',
    withServer(async (server) => {
      server.faults.inject({ target: 'oidc', kind: 'throttle', count: 1 });
      server.faults.inject({ target: 'oidc', kind: 'drop', count: 1 });
      const run = await step(server, { source: 'oidc', 'role-arn': DEPLOY }, oidcEnv(server));
      assertSucceeded(run);
      const tokenCalls = callsTo(run.requests, 'oidc', 'token');
      assert.equal(tokenCalls.length, 3, 'a 429 and a dropped connection are both tried again');
      assert.equal(tokenCalls.at(-1)?.status, 200);
      assertWithinBounds(tokenCalls);
    }),
  );

  deepTest(
    'IDPCommunicationError from AssumeRoleWithWebIdentity is retried',
    withServer(async (server) => {
      server.faults.inject({ target: 'sts', kind: 'idp-communication-error', count: 2 });
      const run = await step(server, { source: 'oidc', 'role-arn': DEPLOY }, oidcEnv(server));
      assertSucceeded(run);
      const calls = callsTo(run.requests, 'sts', 'AssumeRoleWithWebIdentity');
      assert.deepEqual(outcomes(calls), ['IDPCommunicationError', 'IDPCommunicationError', 200]);
      assertWithinBounds(calls);
    }),
  );

  test(
    'IMDS not answering the token PUT: the hop-limit diagnosis, at once, without a retry',
    withServer(async (server) => {
      server.faults.inject({ target: 'imds', kind: 'hang', action: 'token', count: 100 });
      const run = await step(server, { source: 'imds', 'role-arn': DEPLOY }, imdsEnv(server));
      const error = assertFailed(run);
      assert.match(error, /^Source 'imds': .*token request/);
      assert.match(error, /hop limit/);
      assert.match(error, /modify-instance-metadata-options .*--http-put-response-hop-limit 2/);
      assert.equal(callsTo(run.requests, 'imds', 'token').length, 1, 'a silent PUT is not retried');
      assert.equal(callsTo(run.requests, 'imds', 'credentials').length, 0, 'no IMDSv1 fallback');
      assert.equal(callsTo(run.requests, 'sts').length, 0);
    }),
  );

  deepTest(
    'IMDS answering the token PUT but not the credentials request once: retried',
    withServer(async (server) => {
      server.faults.inject({ target: 'imds', kind: 'hang', action: 'credentials', count: 1 });
      const run = await step(server, { source: 'imds', 'role-arn': DEPLOY }, imdsEnv(server));
      assertSucceeded(run);
      assert.deepEqual(outcomes(callsTo(run.requests, 'imds', 'token')), [200, 200]);
      assertWithinBounds(callsTo(run.requests, 'imds', 'token'));
    }),
  );

  deepTest(
    'IMDS going silent after the token PUT: not blamed on the hop limit',
    withServer(async (server) => {
      // Each silent request takes the whole 1 s IMDS timeout: room for a second try even on a busy machine.
      const bounds = { ...FAST, totalTimeoutMs: 3000 };
      server.faults.inject({ target: 'imds', kind: 'hang', action: 'credentials', count: 100 });
      const run = await step(
        server,
        { source: 'imds', 'role-arn': DEPLOY },
        { ...imdsEnv(server), ...retryEnv(bounds) },
      );
      const error = assertFailed(run);
      // The last slow attempt is cut off by the total budget, or gives up on its own first.
      assert.match(
        error,
        /^Source 'imds': could not get instance profile credentials .*(did not answer GET|total time limit)/,
      );
      assert.doesNotMatch(error, /hop limit/);
      const tokenCalls = callsTo(run.requests, 'imds', 'token');
      assert.ok(tokenCalls.length >= 2, 'a slow IMDS is tried again');
      assertWithinBounds(tokenCalls, bounds);
    }),
  );

  deepTest(
    'IMDS answering 500 twice, then credentials',
    withServer(async (server) => {
      server.faults.inject({ target: 'imds', kind: 'server-error', action: 'token', count: 2 });
      const run = await step(server, { source: 'imds', 'role-arn': DEPLOY }, imdsEnv(server));
      assertSucceeded(run);
      const tokenCalls = callsTo(run.requests, 'imds', 'token');
      assert.deepEqual(outcomes(tokenCalls), ['InternalServerError', 'InternalServerError', 200]);
      assertWithinBounds(tokenCalls);
      assert.equal(callsTo(run.requests, 'sts', 'AssumeRole').length, 1);
    }),
  );

  deepTest(
    'container credentials answering 500 twice, then credentials',
    withServer(async (server) => {
      server.faults.inject({ target: 'container', kind: 'server-error', count: 2 });
      const run = await step(server, { source: 'container', 'role-arn': DEPLOY }, containerEnv(server));
      assertSucceeded(run);
      const calls = callsTo(run.requests, 'container');
      assert.deepEqual(outcomes(calls), ['InternalServerError', 'InternalServerError', 200]);
      assertWithinBounds(calls);
    }),
  );

  test(
    'container credentials answering 500 without end: a source diagnosis within the bounds',
    withServer(async (server) => {
      server.faults.inject({ target: 'container', kind: 'server-error', count: 100 });
      const run = await step(server, { source: 'container', 'role-arn': DEPLOY }, containerEnv(server));
      const error = assertFailed(run);
      assert.match(error, /^Source 'container': could not get credentials from .*500/);
      const calls = callsTo(run.requests, 'container');
      assert.equal(calls.length, FAST.maxAttempts);
      assertWithinBounds(calls);
      assert.equal(callsTo(run.requests, 'sts').length, 0);
    }),
  );

  deepTest(
    'container credentials never answering: a source diagnosis within the bounds',
    withServer(async (server) => {
      server.faults.inject({ target: 'container', kind: 'hang', count: 100 });
      const run = await step(server, { source: 'container', 'role-arn': DEPLOY }, containerEnv(server));
      const error = assertFailed(run);
      assert.match(error, /^Source 'container': could not get credentials/);
      assertWithinBounds(callsTo(run.requests, 'container'));
    }),
  );

  deepTest(
    'container credentials refused (403): not retried, a source diagnosis at once',
    withServer(async (server) => {
      const run = await step(
        server,
        { source: 'container', 'role-arn': DEPLOY },
        { ...containerEnv(server), AWS_CONTAINER_AUTHORIZATION_TOKEN: 'not-the-agent-token' },
      );
      const error = assertFailed(run);
      assert.match(error, /^Source 'container': .*403/);
      assert.equal(callsTo(run.requests, 'container').length, 1);
    }),
  );

  test(
    'a chain whose hop 2 of 3 is denied fails at hop 2, once, naming it; hop 3 is never tried',
    withServer(async (server) => {
      const [first, second, third] = [roleArn('hop-one'), roleArn('hop-two-denied'), roleArn('hop-three')];
      server.configureRole(second, { denyCallers: 'all' });
      const run = await step(server, {
        ...keyInputs(server),
        'role-arn': `${first} -> ${second} -> ${third}`,
      });
      const error = assertFailed(run);
      assert.match(error, new RegExp(`^hop 2 of 3 \\(AssumeRole ${second}\\) failed: AccessDenied`));
      assert.match(error, /caller: arn:aws:sts::111111111111:assumed-role\/hop-one\//);
      assert.match(error, /Fix: the trust policy of/);
      const calls = callsTo(run.requests, 'sts', 'AssumeRole');
      assert.deepEqual(
        calls.map((call) => [call.params.RoleArn, call.errorCode ?? call.status]),
        [
          [first, 200],
          [second, 'AccessDenied'],
        ],
      );
    }),
  );

  deepTest(
    'STS failing to fetch the OIDC keys once (InvalidIdentityToken): one fresh token, then success',
    withServer(async (server) => {
      server.faults.inject({ target: 'sts', kind: 'invalid-identity-token', count: 1 });
      const run = await step(server, { source: 'oidc', 'role-arn': DEPLOY }, oidcEnv(server));
      assertSucceeded(run);
      assert.equal(callsTo(run.requests, 'oidc', 'token').length, 2, 'a fresh token was requested');
      const calls = callsTo(run.requests, 'sts', 'AssumeRoleWithWebIdentity');
      assert.deepEqual(outcomes(calls), ['InvalidIdentityToken', 200]);
    }),
  );

  test(
    'InvalidIdentityToken that persists: exactly one fresh token, then the diagnosis',
    withServer(async (server) => {
      server.faults.inject({ target: 'sts', kind: 'invalid-identity-token', count: 100 });
      const run = await step(server, { source: 'oidc', 'role-arn': DEPLOY }, oidcEnv(server));
      const error = assertFailed(run);
      assert.match(error, /AssumeRoleWithWebIdentity .*InvalidIdentityToken/);
      assert.equal(callsTo(run.requests, 'oidc', 'token').length, 2);
      assert.equal(callsTo(run.requests, 'sts', 'AssumeRoleWithWebIdentity').length, 2);
    }),
  );

  deepTest(
    'an OIDC token that is already expired: one fresh token, then an expiry diagnosis',
    withServer(
      async (server) => {
        const run = await step(server, { source: 'oidc', 'role-arn': DEPLOY }, oidcEnv(server));
        const error = assertFailed(run);
        assert.match(error, /hop 1 of 1 \(AssumeRoleWithWebIdentity .*\) failed: ExpiredToken/);
        assert.match(error, /Fix: the web identity token expired/);
        assert.equal(callsTo(run.requests, 'oidc', 'token').length, 2, 'exactly one fresh token');
        assert.equal(callsTo(run.requests, 'sts', 'AssumeRoleWithWebIdentity').length, 2);
      },
      { oidcTokenLifetimeSeconds: -60 },
    ),
  );

  test(
    'credentials an earlier step exported that expired: refused at the env source, never sent, naming it',
    withServer(
      (server) =>
        withJob(jobEnv(server, retryEnv()), async (job) => {
          await exportExpired(server, job);
          // AWS_CREDENTIAL_EXPIRATION says they expired: refused at the source, before any STS call.
          const fromEnv = await runStep(server, job, { source: 'env', 'role-arn': roleArn('second') });
          const error = assertFailed(fromEnv);
          assert.match(error, /^Source 'env': AWS_CREDENTIAL_EXPIRATION says credentials that expired/);
          assert.equal(callsTo(fromEnv.requests, 'sts').length, 0, 'expired keys are never sent');
        }),
      { sessionLifetimeMs: EXPORTED_LIFETIME_MS },
    ),
  );

  deepTest(
    'the same expired credentials given as keys: sent once, and the diagnosis names aws-session-token',
    withServer(
      (server) =>
        withJob(jobEnv(server, retryEnv()), async (job) => {
          const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = await exportExpired(
            server,
            job,
          );
          const fromKeys = await runStep(server, job, {
            source: 'keys',
            'aws-access-key-id': AWS_ACCESS_KEY_ID ?? '',
            'aws-secret-access-key': AWS_SECRET_ACCESS_KEY ?? '',
            'aws-session-token': AWS_SESSION_TOKEN ?? '',
            'role-arn': roleArn('second'),
          });
          assert.match(assertFailed(fromKeys), /aws-session-token is no longer valid/);
          assert.equal(callsTo(fromKeys.requests, 'sts').length, 1);
        }),
      { sessionLifetimeMs: EXPORTED_LIFETIME_MS },
    ),
  );
});

// IMDS credentials that expire on the way: the server hands out sessions of LIFETIME_MS, renewed at half
// that, so a credentials answer delayed by more than LIFETIME_MS (but less than the IMDS timeout) arrives
// expired. Expired credentials are refused where they arrive, with the expiry named, and never sent to STS.
// These depend on timing, so they run one at a time, after the rest.
const LIFETIME_MS = 600;
const LATE_MS = 750;

describe('credentials that expire on the way', () => {
  deepTest(
    'IMDS credentials that arrive expired: refused with the expiry diagnosis, before any STS call',
    withServer(
      async (server) => {
        // The role-name listing and the credentials answer are both 'credentials' requests: delay both.
        server.faults.inject({
          target: 'imds',
          kind: 'delay',
          action: 'credentials',
          delayMs: LATE_MS,
          count: 2,
        });
        const run = await step(server, { source: 'imds', 'role-arn': DEPLOY }, imdsEnv(server));
        const error = assertFailed(run);
        assert.match(error, /^Source 'imds': .*IMDS returned credentials that expired/);
        assert.equal(callsTo(run.requests, 'sts', 'AssumeRole').length, 0);
      },
      { sessionLifetimeMs: LIFETIME_MS },
    ),
  );
});
