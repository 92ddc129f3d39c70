// What the container and OIDC sources retry, one row per rule, against the local test server's faults:
// a retry only where another attempt can succeed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_RETRY_POLICY } from '../../src/net/retry.ts';
import { fromContainerCredentials } from '../../src/sources/container-credentials.ts';
import { fromGitHubOidc } from '../../src/sources/github-oidc.ts';
import type { SourceContext, SourceProvider } from '../../src/sources/source.ts';
import {
  type AwsTestServer,
  containerEnv,
  type Fault,
  oidcEnv,
  startAwsTestServer,
} from '../../testing/aws-test-server/index.ts';
import { sourceContext } from './helpers/source-context.ts';
import { assertSourceOutcome } from './helpers/source-outcome.ts';

const RETRY = {
  ...DEFAULT_RETRY_POLICY,
  maxAttempts: 4,
  baseDelayMs: 1,
  throttleBaseDelayMs: 5,
  requestTimeoutMs: 500,
  totalTimeoutMs: 5000,
};

interface Row {
  name: string;
  fault?: Omit<Fault, 'target'>;
  /** The error, or undefined when the source gets credentials or a token. */
  error?: RegExp;
  /** What the error must not say. */
  notError?: RegExp;
  calls: number;
}

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

const context = (env: Record<string, string>): SourceContext => sourceContext(env, { retry: RETRY });

/** Starts the source and, for a token source, asks for the token: what the first hop does. */
async function obtain(provider: SourceProvider): Promise<unknown> {
  const start = await provider();
  return start.kind === 'web-identity' ? start.token() : start;
}

function table(target: 'container' | 'oidc', provider: () => SourceProvider, rows: Row[]): void {
  for (const row of rows)
    test(row.name, async () => {
      server.clearLog();
      server.faults.clear();
      if (row.fault) server.faults.inject({ target, ...row.fault });
      await assertSourceOutcome(obtain(provider()), row);
      server.faults.clear();
      assert.equal(server.requests.filter((request) => request.target === target).length, row.calls);
    });
}

describe('container credentials agent', () => {
  table('container', () => fromContainerCredentials(context(containerEnv(server))), [
    { name: 'no fault: credentials in one call', calls: 1 },
    { name: '500 twice: retried', fault: { kind: 'server-error', count: 2 }, calls: 3 },
    { name: '429 once: retried', fault: { kind: 'server-error', status: 429, count: 1 }, calls: 2 },
    {
      name: '403: a refusal, not retried',
      fault: { kind: 'server-error', status: 403, count: 100 },
      error: /^Source 'container': .*the agent answered 403/,
      calls: 1,
    },
    { name: 'a dropped connection once: retried', fault: { kind: 'drop', count: 1 }, calls: 2 },
    {
      name: 'an agent that never answers: not there, not retried, and no variable is blamed for the fixed limit',
      fault: { kind: 'hang', count: 100 },
      error: /^Source 'container': could not get credentials.*within 2000 ms/,
      notError: /ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS/,
      calls: 1,
    },
  ]);
});

describe('GitHub OIDC token endpoint', () => {
  const oidc = () => fromGitHubOidc({ ...context(oidcEnv(server)), audience: 'sts.amazonaws.com' });
  table('oidc', oidc, [
    { name: 'no fault: a token in one call', calls: 1 },
    { name: '503 twice: retried', fault: { kind: 'server-error', status: 503, count: 2 }, calls: 3 },
    { name: '429 once: retried after a longer backoff', fault: { kind: 'throttle', count: 1 }, calls: 2 },
    { name: 'a dropped connection once: retried', fault: { kind: 'drop', count: 1 }, calls: 2 },
    {
      name: '404: not retried',
      fault: { kind: 'server-error', status: 404, count: 100 },
      error: /answered 404/,
      calls: 1,
    },
  ]);
});
