// Web identity tokens STS refuses (IDP errors, keys it could not fetch, expiry) and credentials that expired
// before or on the way, end to end through the built action: one fresh token where it can help, and a
// diagnosis naming the expiry otherwise. `npm test` keeps one case per path; the rest run in the deep tier.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  assertSucceeded,
  callsTo,
  deepTest,
  imdsEnv,
  type Job,
  jobEnv,
  oidcEnv,
  retryEnv,
  roleArn,
  runStep,
  withJob,
} from '../../testing/e2e/index.ts';
import { assertWithinBounds, DEPLOY, keyInputs, outcomes, step, withServer } from './support/fault-steps.ts';

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

describe('Token and expiry faults, side by side', { concurrency: 3 }, () => {
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
