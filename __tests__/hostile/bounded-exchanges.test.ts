// Every exchange is bounded in time (body included) and size, for our own HTTP client and the SDK's STS
// calls alike; the total budget holds in the middle of an attempt; skew is corrected from the server's Date.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { clockSkewDiagnosis, clockSkewMs } from '../../src/diagnosis/clock-skew.ts';
import { directAgents } from '../../src/net/agents.ts';
import { HttpBodyTooLargeError, HttpTimeoutError, httpRequest } from '../../src/net/http-request.ts';
import { type RetryPolicy, TotalTimeoutError, withRetry } from '../../src/net/retry.ts';
import { getCallerIdentity } from '../../src/sts/sts-calls.ts';
import type { StsConfig } from '../../src/sts/sts-config.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';

const agents = directAgents();
const POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1,
  throttleBaseDelayMs: 1,
  maxDelayMs: 5,
  requestTimeoutMs: 400,
  totalTimeoutMs: 1000,
};

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

const stsConfig = (): StsConfig => ({
  region: 'us-east-1',
  endpoint: server.stsEndpoint,
  agents,
  retry: POLICY,
});
const hostile = (target: 'sts' | 'imds', hostility: string, extra: object = {}) => {
  server.faults.clear();
  server.faults.inject({ target, kind: 'hostile', hostility, count: 1000, ...extra });
};
const imdsUrl = () => `${server.imdsEndpoint}/latest/meta-data/iam/security-credentials/`;

describe('httpRequest', { concurrency: false }, () => {
  test('one deadline covers the body: a server that answers, then trickles, is cut off', async () => {
    hostile('imds', 'trickle', { intervalMs: 50 });
    await assert.rejects(httpRequest(imdsUrl(), { timeoutMs: 300, agents }), (error: Error) => {
      assert.ok(error instanceof HttpTimeoutError);
      assert.match(error.message, /did not finish answering within 300 ms/);
      return true;
    });
  });

  test('reading stops at the size cap, and the error names the cap', async () => {
    hostile('imds', 'oversize', { sizeBytes: 5 * 1024 * 1024 });
    await assert.rejects(
      httpRequest(imdsUrl(), { timeoutMs: 5000, maxBodyBytes: 65536, agents }),
      (error: Error) => {
        assert.ok(error instanceof HttpBodyTooLargeError);
        assert.match(error.message, /larger than 65536 bytes; stopped reading/);
        return true;
      },
    );
  });

  test('an abort signal ends the exchange in the middle of the body', async () => {
    hostile('imds', 'trickle', { intervalMs: 50 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new TotalTimeoutError('budget spent')), 100);
    await assert.rejects(
      httpRequest(imdsUrl(), { timeoutMs: 60_000, signal: controller.signal, agents }),
      /budget spent/,
    );
  });
});

describe('withRetry', () => {
  test('the total budget ends an attempt that is still running', async () => {
    let attempts = 0;
    await assert.rejects(
      withRetry(
        () => {
          attempts++;
          return new Promise(() => {}); // never settles, ignores the signal
        },
        { ...POLICY, totalTimeoutMs: 50 },
        () => 'retry',
      ),
      (error: Error) => error instanceof TotalTimeoutError && /total time limit of 50 ms/.test(error.message),
    );
    assert.equal(attempts, 1);
  });
});

describe('the SDK’s STS calls go through the same bounds', { concurrency: false }, () => {
  const keys = () => server.issueKeys();

  test('a trickling STS ends within the total budget', async () => {
    hostile('sts', 'trickle', { intervalMs: 50 });
    await assert.rejects(getCallerIdentity(keys(), stsConfig()), (error: Error) => {
      assert.ok(error instanceof TotalTimeoutError || error instanceof HttpTimeoutError, String(error));
      return true;
    });
  });

  test('an oversize STS body stops at 1 MiB', async () => {
    hostile('sts', 'oversize', { sizeBytes: 20 * 1024 * 1024 });
    await assert.rejects(getCallerIdentity(keys(), stsConfig()), /larger than 1048576 bytes/);
  });

  test('a refusal dated 10 minutes ahead is retried once, signed with the corrected clock', async () => {
    hostile('sts', 'skewed-date', { count: 1, skewMs: 10 * 60_000 });
    server.clearLog();
    const arn = await getCallerIdentity(keys(), stsConfig());
    assert.match(arn, /^arn:aws:iam::\d{12}:user\//);
    assert.equal(server.requests.filter((request) => request.target === 'sts').length, 2);
  });

  test('a refusal that carries the server’s Date tells how far off the runner’s clock is', async () => {
    hostile('sts', 'skewed-date', { skewMs: 20 * 60_000 });
    const error = await getCallerIdentity(keys(), stsConfig()).then(
      () => assert.fail('a skewed server must refuse'),
      (refusal: unknown) => refusal,
    );
    const skew = clockSkewMs(error);
    assert.ok(skew !== undefined && Math.abs(skew - 20 * 60_000) < 60_000, `skew ${skew}`);
    assert.match(clockSkewDiagnosis(skew, 'STS') ?? '', /runner's clock is 20 minutes behind STS/);
  });
});
