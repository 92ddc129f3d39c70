// STS faults, end to end through the built action: throttling, 5xx, a dropped connection, slow and silent
// answers, and a denied hop in a chain. Each case succeeds after the retries it deserves, or fails with the
// right diagnosis, within the documented attempts and total budget, as the server log shows (no wall-clock
// bound on the step). Which errors are retried is the unit table's rule
// (__tests__/core/retry-classification.test.ts); `npm test` keeps one case per path, the rest run deep.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertFailed,
  assertSucceeded,
  callsTo,
  deepTest,
  FAST,
  retryEnv,
  roleArn,
} from '../../testing/e2e/index.ts';
import { assertWithinBounds, DEPLOY, keyInputs, outcomes, step, withServer } from './support/fault-steps.ts';

describe('STS faults, side by side', { concurrency: 3 }, () => {
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
});
