// The /__control/ JSON API, which lets other processes drive a running server, and the request log.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import {
  type AwsTestServer,
  type LoggedRequest,
  startAwsTestServer,
} from '../../testing/aws-test-server/index.ts';
import { jsSts, stsFailure, userKeys } from './clients.ts';

const ROLE = 'arn:aws:iam::222222222222:role/deploy';

describe('control API', { timeout: 10_000 }, () => {
  let server: AwsTestServer;
  const control = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${server.url}/__control/${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const whoAmI = () => jsSts(server, userKeys(server)).send(new GetCallerIdentityCommand({}));

  before(async () => {
    server = await startAwsTestServer();
  });
  beforeEach(() => server.faults.clear());
  after(() => server.close());

  test('GET info describes the server as the CLI does', async () => {
    const { status, body } = await control('GET', 'info');
    assert.equal(status, 200);
    assert.equal(body.url, server.url);
    assert.deepEqual(body.identities, server.identities);
    assert.deepEqual(body.oidc, server.oidc);
  });

  test('POST faults injects a fault and DELETE faults clears them', async () => {
    assert.equal(
      (await control('POST', 'faults', { target: 'sts', kind: 'throttle', count: 2 })).status,
      204,
    );
    assert.equal((await stsFailure(whoAmI())).code, 'Throttling');
    assert.equal((await control('DELETE', 'faults')).status, 204);
    await whoAmI();
  });

  test('a fault that cannot apply is a 400 with the reason', async () => {
    const { status, body } = await control('POST', 'faults', { target: 'imds', kind: 'explode', count: 1 });
    assert.equal(status, 400);
    assert.match(body.error, /Unknown fault kind: explode/);
  });

  test('POST throttle-rate and POST latency change how STS answers', async () => {
    await control('POST', 'throttle-rate', { rate: 1 });
    assert.equal((await stsFailure(whoAmI())).code, 'Throttling');
    await control('POST', 'throttle-rate', { rate: 1, maxInARow: 0 });
    await whoAmI();
    assert.equal((await control('POST', 'throttle-rate', { rate: 1, maxInARow: 'x' })).status, 400);
    await control('POST', 'throttle-rate', { rate: 0 });
    await control('POST', 'latency', { ms: 60 });
    const started = Date.now();
    await whoAmI();
    assert.ok(Date.now() - started >= 55);
    await control('POST', 'latency', { ms: 0 });
    assert.equal((await control('POST', 'latency', { ms: 'slow' })).status, 400);
  });

  test('POST roles configures a role', async () => {
    const role = 'arn:aws:iam::222222222222:role/controlled';
    assert.equal(
      (await control('POST', 'roles', { roleArn: role, config: { requireExternalId: 'xyz' } })).status,
      204,
    );
    const assume = (ExternalId?: string) =>
      jsSts(server, userKeys(server)).send(
        new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 's1', ExternalId }),
      );
    assert.equal((await stsFailure(assume())).code, 'AccessDenied');
    await assume('xyz');
    assert.equal((await control('POST', 'roles', { roleArn: 'not-an-arn', config: {} })).status, 400);
  });

  test('POST id-token mints tokens with chosen claims, good or forged', async () => {
    const minted = await control('POST', 'id-token', { claims: { sub: 'repo:a/b:environment:prod' } });
    const exchange = (token: string) =>
      jsSts(server).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: ROLE,
          RoleSessionName: 'gha',
          WebIdentityToken: token,
        }),
      );
    assert.equal(
      (await exchange(minted.body.value)).SubjectFromWebIdentityToken,
      'repo:a/b:environment:prod',
    );
    const forged = await control('POST', 'id-token', { badSignature: true });
    assert.equal((await stsFailure(exchange(forged.body.value))).code, 'InvalidIdentityTokenException');
  });

  test('POST keys issues long-term keys for a user', async () => {
    const { body } = await control('POST', 'keys', { arn: 'arn:aws:iam::666666666666:user/robot' });
    assert.match(body.accessKeyId, /^AKIA[A-Z0-9]{16}$/);
    const identity = await jsSts(server, body).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, 'arn:aws:iam::666666666666:user/robot');
  });

  test('GET requests returns the log and DELETE requests clears it', async () => {
    await whoAmI();
    const { body } = await control('GET', 'requests');
    const entry = (body as LoggedRequest[]).at(-1);
    assert.equal(entry?.action, 'GetCallerIdentity');
    assert.equal((await control('DELETE', 'requests')).status, 204);
    assert.deepEqual((await control('GET', 'requests')).body, []);
  });

  test('control calls are logged, apart from reading and clearing the log', async () => {
    server.clearLog();
    await control('GET', 'info');
    await control('GET', 'requests');
    assert.deepEqual(
      server.requests.map((r) => [r.target, r.action, r.status]),
      [['control', 'GET info', 200]],
    );
  });

  test('unknown routes are 404 and bad JSON is 400', async () => {
    assert.equal((await control('GET', 'nothing')).status, 404);
    const response = await fetch(`${server.url}/__control/faults`, { method: 'POST', body: '{oops' });
    assert.equal(response.status, 400);
  });
});

describe('request log', { timeout: 10_000 }, () => {
  let server: AwsTestServer;
  before(async () => {
    server = await startAwsTestServer();
  });
  after(() => server.close());

  test('records each STS request with its parameters, caller, status and error code', async () => {
    const before = Date.now();
    const input = {
      RoleArn: ROLE,
      RoleSessionName: 'logged',
      DurationSeconds: 1800,
      ExternalId: 'ext-1',
      SourceIdentity: 'alice',
      Policy: '{"Version":"2012-10-17","Statement":[]}',
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [{ Key: 'Repository', Value: 'octo-org/octo-repo' }],
      TransitiveTagKeys: ['Repository'],
    };
    await jsSts(server, userKeys(server)).send(new AssumeRoleCommand(input));
    await stsFailure(
      jsSts(server, userKeys(server)).send(new AssumeRoleCommand({ ...input, RoleSessionName: 'x' })),
    );
    const [ok, refused] = server.requests;
    assert.deepEqual(ok, {
      target: 'sts',
      action: 'AssumeRole',
      params: {
        RoleArn: ROLE,
        RoleSessionName: 'logged',
        DurationSeconds: '1800',
        ExternalId: 'ext-1',
        SourceIdentity: 'alice',
        Policy: input.Policy,
        'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'Tags.member.1.Key': 'Repository',
        'Tags.member.1.Value': 'octo-org/octo-repo',
        'TransitiveTagKeys.member.1': 'Repository',
      },
      callerAccessKeyId: server.identities.user.accessKeyId,
      callerArn: server.identities.user.arn,
      status: 200,
      at: ok?.at,
    });
    assert.ok((ok?.at ?? 0) >= before && (ok?.at ?? 0) <= Date.now());
    assert.deepEqual([refused?.status, refused?.errorCode], [400, 'ValidationError']);
  });

  test('records IMDS requests with their path and action', async () => {
    await fetch(`${server.imdsEndpoint}/latest/meta-data/iam/security-credentials/`);
    const entry = server.requests.at(-1);
    assert.deepEqual(
      [entry?.target, entry?.action, entry?.params.path, entry?.status],
      ['imds', 'credentials', '/latest/meta-data/iam/security-credentials/', 401],
    );
  });

  test('clearLog empties it', () => {
    server.clearLog();
    assert.equal(server.requests.length, 0);
  });
});
