// Faults of the sources' own endpoints, end to end through the built action: the OIDC token endpoint, IMDS
// and the container agent. Each case succeeds after the retries it deserves, or fails with the source's
// diagnosis, within the documented attempts and total budget, as the server log shows. `npm test` keeps one
// case per endpoint; the rest run in the deep tier.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertFailed,
  assertSucceeded,
  callsTo,
  containerEnv,
  deepTest,
  FAST,
  imdsEnv,
  oidcEnv,
  retryEnv,
} from '../../testing/e2e/index.ts';
import { assertWithinBounds, DEPLOY, outcomes, step, withServer } from './support/fault-steps.ts';

describe('Source faults, side by side', { concurrency: 3 }, () => {
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
});
