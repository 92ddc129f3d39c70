// IMDSv2 and container credentials: the protocols enforced, and the credentials they hand out working.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromHttp, fromInstanceMetadata } from '@aws-sdk/credential-providers';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { jsSts, type Keys, stsFailure } from './clients.ts';

const TOKEN_PATH = '/latest/api/token';
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';
const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';

async function imdsToken(server: AwsTestServer): Promise<string> {
  const response = await fetch(`${server.imdsEndpoint}${TOKEN_PATH}`, {
    method: 'PUT',
    headers: { [TTL_HEADER]: '21600' },
  });
  assert.equal(response.status, 200);
  return response.text();
}

async function instanceKeys(server: AwsTestServer): Promise<Keys> {
  const token = await imdsToken(server);
  const name = server.identities.instanceRole.name;
  const response = await fetch(`${server.imdsEndpoint}${CREDENTIALS_PATH}${name}`, {
    headers: { 'x-aws-ec2-metadata-token': token },
  });
  const body = (await response.json()) as { AccessKeyId: string; SecretAccessKey: string; Token: string };
  return { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token };
}

describe('IMDSv2 and container credentials', { timeout: 20_000 }, () => {
  let server: AwsTestServer;

  before(async () => {
    server = await startAwsTestServer();
  });
  after(() => server.close());

  test('the JS SDK’s IMDS and container providers get working credentials', async () => {
    const saved = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = server.imdsEndpoint; // the provider reads only the environment
    try {
      const instance = await fromInstanceMetadata({ maxRetries: 0 })();
      const identity = await jsSts(server, instance).send(new GetCallerIdentityCommand({}));
      assert.match(identity.Arn ?? '', /assumed-role\/test-instance-role\//);
    } finally {
      if (saved === undefined) delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
      else process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = saved;
    }
    const container = await fromHttp({
      awsContainerCredentialsFullUri: server.container.fullUri,
      awsContainerAuthorizationToken: server.container.authorizationToken,
    })();
    const identity = await jsSts(server, container).send(new GetCallerIdentityCommand({}));
    assert.match(identity.Arn ?? '', /assumed-role\/test-container-role\//);
  });

  test('IMDSv1 (no session token) is refused with 401', async () => {
    const response = await fetch(`${server.imdsEndpoint}${CREDENTIALS_PATH}`);
    assert.equal(response.status, 401);
  });

  test('an unknown or made-up session token is refused with 401', async () => {
    const response = await fetch(`${server.imdsEndpoint}${CREDENTIALS_PATH}`, {
      headers: { 'x-aws-ec2-metadata-token': 'made-up' },
    });
    assert.equal(response.status, 401);
  });

  for (const [name, headers] of [
    ['no TTL header', {}],
    ['a TTL of 0', { [TTL_HEADER]: '0' }],
    ['a TTL over 21600', { [TTL_HEADER]: '21601' }],
    ['a TTL that is not a number', { [TTL_HEADER]: 'six hours' }],
  ] as const) {
    test(`the token PUT with ${name} is a 400`, async () => {
      const response = await fetch(`${server.imdsEndpoint}${TOKEN_PATH}`, { method: 'PUT', headers });
      assert.equal(response.status, 400);
    });
  }

  test('a token GET (instead of PUT) is refused', async () => {
    assert.equal(
      (await fetch(`${server.imdsEndpoint}${TOKEN_PATH}`, { headers: { [TTL_HEADER]: '60' } })).status,
      405,
    );
  });

  test('with a token: lists the role, then serves its credentials JSON', async () => {
    const headers = { 'x-aws-ec2-metadata-token': await imdsToken(server) };
    const list = await fetch(`${server.imdsEndpoint}${CREDENTIALS_PATH}`, { headers });
    assert.equal(await list.text(), server.identities.instanceRole.name);
    const response = await fetch(
      `${server.imdsEndpoint}${CREDENTIALS_PATH}${server.identities.instanceRole.name}`,
      { headers },
    );
    const body = (await response.json()) as Record<string, string>;
    assert.deepEqual(Object.keys(body).sort(), [
      'AccessKeyId',
      'Code',
      'Expiration',
      'LastUpdated',
      'SecretAccessKey',
      'Token',
      'Type',
    ]);
    assert.equal(body.Code, 'Success');
    assert.equal(body.Type, 'AWS-HMAC');
    assert.match(body.AccessKeyId ?? '', /^ASIA/);
    assert.equal(
      (await fetch(`${server.imdsEndpoint}${CREDENTIALS_PATH}other-role`, { headers })).status,
      404,
    );
  });

  test('container credentials need the exact authorization token', async () => {
    assert.equal((await fetch(server.container.fullUri)).status, 403);
    const wrong = await fetch(server.container.fullUri, {
      headers: { authorization: `Bearer ${server.container.authorizationToken}` },
    });
    assert.equal(wrong.status, 403);
    const response = await fetch(server.container.fullUri, {
      headers: { authorization: server.container.authorizationToken },
    });
    const body = (await response.json()) as Record<string, string>;
    assert.deepEqual(Object.keys(body).sort(), [
      'AccessKeyId',
      'Expiration',
      'RoleArn',
      'SecretAccessKey',
      'Token',
    ]);
    assert.equal(body.RoleArn, server.identities.containerRole.arn);
  });
});

describe('instance credentials with a short session lifetime', { timeout: 10_000 }, () => {
  test('expire, are refused with ExpiredToken, and IMDS then hands out fresh ones', async () => {
    const server = await startAwsTestServer({ sessionLifetimeMs: 400 });
    try {
      const first = await instanceKeys(server);
      const identity = await jsSts(server, first).send(new GetCallerIdentityCommand({}));
      assert.match(identity.Arn ?? '', /assumed-role\/test-instance-role\//);
      await new Promise((resolve) => setTimeout(resolve, 450));
      assert.equal(
        (await stsFailure(jsSts(server, first).send(new GetCallerIdentityCommand({})))).code,
        'ExpiredToken',
      );
      const second = await instanceKeys(server);
      assert.notEqual(second.accessKeyId, first.accessKeyId);
      const chain = new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::222222222222:role/x',
        RoleSessionName: 'ok',
      });
      await jsSts(server, second).send(chain);
    } finally {
      await server.close();
    }
  });
});
