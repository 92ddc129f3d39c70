// The IMDS time limit: 1 s by default (IMDS answers locally), ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS for a busy
// host. Proved with a short knob against a loopback server that never answers.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SourceError } from '../../src/errors.ts';
import { directAgents, proxyAwareAgents } from '../../src/net/agents.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/net/retry.ts';
import { fromInstanceMetadata, imdsAnswers, imdsTimeoutMs } from '../../src/sources/instance-metadata.ts';
import type { SourceContext } from '../../src/sources/source.ts';

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

  const context = (): SourceContext => ({
    env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint, ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS: '50' },
    logger: { info() {}, debug() {}, warning() {}, mask() {} },
    proxyAgents: proxyAwareAgents({}),
    directAgents: directAgents(),
    retry: DEFAULT_RETRY_POLICY,
  });

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
