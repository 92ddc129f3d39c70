// The IMDSv2 source, one row per rule: its time limit (1 s by default, ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS for
// a busy host) and what it retries, against the local test server's IMDS with a short knob.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SourceError } from '../../src/errors.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/net/retry.ts';
import {
  fromInstanceMetadata,
  imdsAnswers,
  imdsEndpoint,
  imdsTimeoutMs,
} from '../../src/sources/instance-metadata.ts';
import type { SourceContext } from '../../src/sources/source.ts';
import { type AwsTestServer, type Fault, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { sourceContext } from './helpers/source-context.ts';
import { assertSourceOutcome } from './helpers/source-outcome.ts';

/** Short: a silent request costs this much; long enough for loopback on a busy machine. */
const KNOB_MS = '300';
const RETRY = {
  ...DEFAULT_RETRY_POLICY,
  maxAttempts: 4,
  baseDelayMs: 1,
  throttleBaseDelayMs: 5,
  totalTimeoutMs: 5000,
};

describe('imdsTimeoutMs', () => {
  const rows: [value: string | undefined, expected: number][] = [
    [undefined, 1000],
    ['', 1000],
    ['5000', 5000],
    ['1', 1],
    ['0', 1000],
    ['-5', 1000],
    ['2.5', 1000],
    ['soon', 1000],
  ];
  for (const [value, expected] of rows)
    test(`${JSON.stringify(value)} gives ${expected} ms`, () => {
      assert.equal(
        imdsTimeoutMs(value === undefined ? {} : { ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS: value }),
        expected,
      );
    });
});

describe('an IMDS that never answers the token request', () => {
  let server: Server;
  let endpoint: string;
  before(async () => {
    server = createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const context = (): SourceContext =>
    sourceContext({ AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint, ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS: '50' });

  test('fails the source at the knob, naming it and the hop-limit fix', async () => {
    const provider = fromInstanceMetadata(context());
    await assert.rejects(provider(), (error: unknown) => {
      assert.ok(error instanceof SourceError);
      assert.match(
        error.message,
        /did not answer the IMDSv2 token request within 50 ms \(ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS\)/,
      );
      assert.match(error.message, /--http-put-response-hop-limit 2/);
      return true;
    });
  });

  test('is not there for auto, at the knob', async () => {
    assert.equal(await imdsAnswers(context()), false);
  });
});

describe("faults of the test server's IMDS", () => {
  let server: AwsTestServer;
  before(async () => {
    server = await startAwsTestServer();
  });
  after(() => server.close());

  const rows: {
    name: string;
    faults: Omit<Fault, 'target'>[];
    /** The error, or undefined when the source gets the instance role's credentials. */
    error?: RegExp;
    notError?: RegExp;
    tokenCalls: number | 'several';
  }[] = [
    { name: 'no fault: the instance role, one token', faults: [], tokenCalls: 1 },
    {
      name: 'a silent token PUT: the hop limit, not retried',
      faults: [{ kind: 'hang', action: 'token', count: 100 }],
      error: /token request within 300 ms .*--http-put-response-hop-limit 2/,
      tokenCalls: 1,
    },
    {
      name: 'a credentials GET that hangs once: retried with a new token',
      faults: [{ kind: 'hang', action: 'credentials', count: 1 }],
      tokenCalls: 2,
    },
    {
      name: 'a credentials GET that never answers: slow, not the hop limit',
      faults: [{ kind: 'hang', action: 'credentials', count: 100 }],
      error: /did not answer GET .* within 300 ms|total time limit/,
      notError: /hop limit/,
      tokenCalls: 'several',
    },
    {
      name: '500 to the credentials GET twice: retried',
      faults: [{ kind: 'server-error', action: 'credentials', count: 2 }],
      tokenCalls: 3,
    },
    {
      name: '403 to the token PUT: not retried',
      faults: [{ kind: 'server-error', status: 403, action: 'token', count: 100 }],
      error: /IMDS answered 403 to PUT/,
      tokenCalls: 1,
    },
  ];
  for (const row of rows)
    test(row.name, async () => {
      server.clearLog();
      server.faults.clear();
      for (const fault of row.faults) server.faults.inject({ target: 'imds', ...fault });
      const context = sourceContext(
        { AWS_EC2_METADATA_SERVICE_ENDPOINT: server.imdsEndpoint, ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS: KNOB_MS },
        { retry: RETRY },
      );
      await assertSourceOutcome(
        fromInstanceMetadata(context)().then((start) => assert.equal(start.kind, 'credentials')),
        row,
      );
      server.faults.clear();
      const tokens = server.requests.filter(
        (request) => request.target === 'imds' && request.action === 'token',
      );
      if (row.tokenCalls === 'several') assert.ok(tokens.length >= 2, `${tokens.length} token requests`);
      else assert.equal(tokens.length, row.tokenCalls);
    });
});

// The hop limit shows as a silent first token request. Once one was answered, a silent one later (a retry
// after a slow answer, or a renewal) is IMDS being slow: retried, never blamed on the hop limit.
describe('an IMDS that answers a token, then goes silent once on the next token request', () => {
  let server: Server;
  let endpoint: string;
  const seen: string[] = [];
  before(async () => {
    let tokens = 0;
    let listings = 0;
    server = createServer((request, response) => {
      const what = `${request.method} ${request.url}`;
      seen.push(what);
      if (request.method === 'PUT') {
        tokens++;
        if (tokens === 2) return; // silent
        return response.end('a-token');
      }
      if (request.url === '/latest/meta-data/iam/security-credentials/') {
        listings++;
        if (listings === 1) return; // slow: the first attempt gives up on it
        return response.end('runner-role');
      }
      response.end(
        JSON.stringify({
          AccessKeyId: 'ASIAIMDS000000000001',
          SecretAccessKey: 'imds-secret',
          Token: 'imds-token',
          Expiration: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('retried until credentials come, with no hop-limit diagnosis', async () => {
    const context = sourceContext(
      { AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint, ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS: KNOB_MS },
      { retry: RETRY },
    );
    const start = await fromInstanceMetadata(context)();
    assert.equal(start.kind, 'credentials');
    assert.equal(seen.filter((what) => what.startsWith('PUT')).length, 3, seen.join(', '));
  });
});

describe('imdsEndpoint and AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', () => {
  const rows: [env: NodeJS.ProcessEnv, expected: string | RegExp][] = [
    [{}, 'http://169.254.169.254'],
    [{ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv4' }, 'http://169.254.169.254'],
    [{ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' }, 'http://[fd00:ec2::254]'],
    [
      {
        AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9/',
        AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'x',
      },
      'http://127.0.0.1:9',
    ],
    [
      { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'ipv5' },
      /ENDPOINT_MODE is ipv5, which is neither IPv4 nor IPv6\. Set it to IPv4 or IPv6/,
    ],
  ];
  for (const [env, expected] of rows)
    test(`${JSON.stringify(env)}: ${expected}`, () => {
      if (typeof expected === 'string') assert.equal(imdsEndpoint(env), expected);
      else
        assert.throws(
          () => imdsEndpoint(env),
          (error: unknown) => error instanceof SourceError && expected.test(error.message),
        );
    });
});

test('an explicit imds source with AWS_EC2_METADATA_DISABLED=true is refused before any request, as botocore does', async () => {
  const provider = fromInstanceMetadata(
    sourceContext({
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9',
    }),
  );
  await assert.rejects(provider(), (error: unknown) => {
    assert.ok(error instanceof SourceError);
    assert.match(
      error.message,
      /AWS_EC2_METADATA_DISABLED is true.*Unset AWS_EC2_METADATA_DISABLED, or choose another source/,
    );
    return true;
  });
});
