import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RetryPolicy, retryPolicyFromEnv, withRetry } from '../../src/net/retry.ts';

const FAST: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1,
  throttleBaseDelayMs: 2,
  maxDelayMs: 5,
  requestTimeoutMs: 100,
  totalTimeoutMs: 1000,
};

describe('withRetry', () => {
  it('retries transient failures until the call succeeds', async () => {
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new Error('transient');
        return 'ok';
      },
      FAST,
      () => 'retry',
    );
    assert.equal(result, 'ok');
    assert.equal(calls, 3);
  });

  it('fails at once on an error that no retry can fix', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw new Error('AccessDenied');
        },
        FAST,
        () => 'fail',
      ),
      /AccessDenied/,
    );
    assert.equal(calls, 1);
  });

  it('stops after the last attempt without sleeping again', async () => {
    let calls = 0;
    const retries: number[] = [];
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw new Error('Throttling');
        },
        FAST,
        () => 'throttle',
        (report) => retries.push(report.attempt),
      ),
    );
    assert.equal(calls, FAST.maxAttempts);
    assert.deepEqual(retries, [1, 2, 3]);
  });

  it('starts no attempt past the total time bound', async () => {
    let calls = 0;
    const policy = { ...FAST, maxAttempts: 100, baseDelayMs: 50, maxDelayMs: 50, totalTimeoutMs: 60 };
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('slow');
        },
        policy,
        () => 'retry',
      ),
    );
    assert.ok(calls < 5, `expected few attempts within 60 ms, got ${calls}`);
  });
});

describe('retryPolicyFromEnv', () => {
  it('reads AWS_MAX_ATTEMPTS and the tuning variables, ignoring junk', () => {
    const policy = retryPolicyFromEnv({
      AWS_MAX_ATTEMPTS: '7',
      ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS: '250',
      ASSUME_AWS_ROLE_RETRY_BASE_MS: 'abc',
    });
    assert.equal(policy.maxAttempts, 7);
    assert.equal(policy.requestTimeoutMs, 250);
    assert.equal(policy.baseDelayMs, 100);
  });

  it('caps a time beyond what a timer can wait, which Node would fire after 1 ms', () => {
    const policy = retryPolicyFromEnv({
      ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS: '3000000000',
      ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS: '9999999999999',
    });
    assert.equal(policy.requestTimeoutMs, 2 ** 31 - 1);
    assert.equal(policy.totalTimeoutMs, 2 ** 31 - 1);
  });
});

describe('the default retry policy', () => {
  it('is 10 attempts, 10 s per request and a minute in all, as documented', () => {
    const policy = retryPolicyFromEnv({});
    assert.equal(policy.maxAttempts, 10);
    assert.equal(policy.requestTimeoutMs, 10_000);
    assert.equal(policy.totalTimeoutMs, 60_000);
    assert.equal(policy.throttleBaseDelayMs, 5 * policy.baseDelayMs);
  });
});
