// Fault injection, random throttling and latency, per target, and close() ending whatever is pending.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { jsSts, stsFailure, userKeys } from './clients.ts';

const ROLE = 'arn:aws:iam::222222222222:role/deploy';

describe('fault injection', { timeout: 10_000 }, () => {
  let server: AwsTestServer;
  const whoAmI = () => jsSts(server, userKeys(server)).send(new GetCallerIdentityCommand({}));
  const assume = () =>
    jsSts(server, userKeys(server)).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'faulty' }));
  const webIdentity = () =>
    jsSts(server).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: ROLE,
        RoleSessionName: 'gha',
        WebIdentityToken: server.mintIdToken(),
      }),
    );
  const imdsToken = () =>
    fetch(`${server.imdsEndpoint}/latest/api/token`, {
      method: 'PUT',
      headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60' },
    });
  const container = () =>
    fetch(server.container.fullUri, { headers: { authorization: server.container.authorizationToken } });
  const oidc = () =>
    fetch(server.oidc.requestUrl, { headers: { authorization: `Bearer ${server.oidc.requestToken}` } });

  before(async () => {
    server = await startAwsTestServer();
  });
  beforeEach(() => {
    server.faults.clear();
    server.faults.setLatency(0);
  });
  after(() => server.close());

  test('an STS throttle hits exactly the next N requests with 400 Throttling "Rate exceeded"', async () => {
    server.faults.inject({ target: 'sts', kind: 'throttle', count: 2 });
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(await stsFailure(whoAmI()), {
        code: 'Throttling',
        message: 'Rate exceeded',
        status: 400,
      });
    }
    await whoAmI();
  });

  test('a fault with an action only hits that action', async () => {
    server.faults.inject({ target: 'sts', kind: 'throttle', count: 1, action: 'AssumeRole' });
    await whoAmI();
    assert.equal((await stsFailure(assume())).code, 'Throttling');
    await assume();
  });

  test('an STS server error is 500 InternalFailure, or 503 ServiceUnavailable on request', async () => {
    server.faults.inject({ target: 'sts', kind: 'server-error', count: 1 });
    server.faults.inject({ target: 'sts', kind: 'server-error', count: 1, status: 503 });
    assert.deepEqual(
      [(await stsFailure(whoAmI())).code, server.requests.at(-1)?.status],
      ['InternalFailure', 500],
    );
    assert.deepEqual(
      [(await stsFailure(whoAmI())).code, server.requests.at(-1)?.status],
      ['ServiceUnavailable', 503],
    );
  });

  test('other targets throttle with 429 and fail with 500 or the status asked for', async () => {
    server.faults.inject({ target: 'imds', kind: 'throttle', count: 1 });
    server.faults.inject({ target: 'container', kind: 'server-error', count: 1 });
    server.faults.inject({ target: 'oidc', kind: 'server-error', count: 1, status: 503 });
    assert.equal((await imdsToken()).status, 429);
    assert.equal((await container()).status, 500);
    assert.equal((await oidc()).status, 503);
    assert.deepEqual(
      [(await imdsToken()).status, (await container()).status, (await oidc()).status],
      [200, 200, 200],
    );
  });

  test('a drop closes the connection without a response, and is logged with status 0', async () => {
    server.faults.inject({ target: 'container', kind: 'drop', count: 1 });
    await assert.rejects(container(), TypeError);
    assert.deepEqual([server.requests.at(-1)?.target, server.requests.at(-1)?.status], ['container', 0]);
    assert.equal((await container()).status, 200);
  });

  test('a delay answers normally after delayMs', async () => {
    server.faults.inject({ target: 'sts', kind: 'delay', count: 1, delayMs: 100 });
    const started = Date.now();
    await whoAmI();
    assert.ok(Date.now() - started >= 95);
  });

  test('idp-communication-error and invalid-identity-token fail AssumeRoleWithWebIdentity as STS does', async () => {
    server.faults.inject({ target: 'sts', kind: 'idp-communication-error', count: 1 });
    server.faults.inject({ target: 'sts', kind: 'invalid-identity-token', count: 1 });
    const idp = await stsFailure(webIdentity());
    assert.deepEqual([idp.code, idp.status], ['IDPCommunicationErrorException', 400]);
    assert.equal(server.requests.at(-1)?.errorCode, 'IDPCommunicationError');
    const keys = await stsFailure(webIdentity());
    assert.equal(keys.code, 'InvalidIdentityTokenException');
    assert.match(keys.message, /^Couldn't retrieve verification key from your identity provider/);
    await webIdentity();
  });

  test('a throttle rate of 1 throttles every STS request and nothing else; 0 stops it', async () => {
    server.faults.setThrottleRate(1);
    assert.equal((await stsFailure(whoAmI())).code, 'Throttling');
    assert.equal((await stsFailure(assume())).code, 'Throttling');
    assert.equal((await oidc()).status, 200);
    server.faults.setThrottleRate(0);
    await whoAmI();
  });

  test('a throttle rate with maxInARow throttles one caller at most that many times in a row, each caller apart', async () => {
    server.faults.setThrottleRate(1, 2);
    assert.equal((await stsFailure(whoAmI())).code, 'Throttling');
    assert.equal((await stsFailure(whoAmI())).code, 'Throttling');
    await whoAmI(); // the third in a row passes, and the count starts again
    assert.equal((await stsFailure(whoAmI())).code, 'Throttling');
    assert.equal((await stsFailure(assume())).code, 'Throttling', 'another caller counts apart');
    server.faults.clear();
    await whoAmI();
    assert.throws(() => server.faults.setThrottleRate(0.5, -1), /maxInARow/);
  });

  test('setLatency delays every response', async () => {
    server.faults.setLatency(80);
    const started = Date.now();
    await imdsToken();
    assert.ok(Date.now() - started >= 75);
  });

  test('clear removes faults not yet used', async () => {
    server.faults.inject({ target: 'sts', kind: 'throttle', count: 5 });
    server.faults.clear();
    await whoAmI();
  });

  test('faults that cannot apply are refused when injected', () => {
    assert.throws(
      () => server.faults.inject({ target: 'imds', kind: 'idp-communication-error', count: 1 }),
      /sts only/,
    );
    assert.throws(
      () => server.faults.inject({ target: 'sts', kind: 'throttle', count: 0 }),
      /positive integer/,
    );
    assert.throws(() => server.faults.inject({ target: 'sts', kind: 'delay', count: 1 }), /delayMs/);
    assert.throws(() => server.faults.setThrottleRate(2), /between 0 and 1/);
  });
});

describe('hanging and slow responses', { timeout: 10_000 }, () => {
  test('an IMDS token PUT can hang (the hop-limit symptom) until close() ends it', async () => {
    const server = await startAwsTestServer();
    server.faults.inject({ target: 'imds', kind: 'hang', count: 1, action: 'token' });
    const pending = fetch(`${server.imdsEndpoint}/latest/api/token`, {
      method: 'PUT',
      headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60' },
    });
    const settled = pending.then(
      () => 'answered',
      () => 'failed',
    );
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const outcome = await Promise.race([
      settled,
      new Promise((resolve) => setTimeout(resolve, 100, 'waiting')),
    ]);
    assert.equal(outcome, 'waiting');
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 1000, 'close does not wait for the hanging request');
    assert.equal(await settled, 'failed');
  });

  test('the latencyMs option delays responses, and close() does not wait for them', async () => {
    const server = await startAwsTestServer({ latencyMs: 50 });
    const started = Date.now();
    assert.equal((await fetch(server.container.fullUri)).status, 403);
    assert.ok(Date.now() - started >= 45);
    server.faults.inject({ target: 'sts', kind: 'delay', count: 1, delayMs: 60_000 });
    const slow = fetch(server.stsEndpoint, { method: 'POST' }).catch(() => 'failed');
    while (server.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    assert.equal(await slow, 'failed');
  });

  test('a client vanishing halfway through its request leaves the server serving', async () => {
    const server = await startAwsTestServer();
    try {
      const socket = connect(server.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nAction=Get');
      await new Promise((resolve) => setTimeout(resolve, 20));
      socket.destroy();
      assert.equal((await fetch(server.container.fullUri)).status, 403);
    } finally {
      await server.close();
    }
  });
});
