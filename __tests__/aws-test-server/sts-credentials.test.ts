// Who may call STS: signatures, session tokens, expiry and extra user keys, through the JS SDK.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { jsSts, type Keys, stsFailure, userKeys } from './clients.ts';

const ROLE = 'arn:aws:iam::222222222222:role/deploy';

async function sessionKeys(server: AwsTestServer): Promise<Keys> {
  const out = await jsSts(server, userKeys(server)).send(
    new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1' }),
  );
  return {
    accessKeyId: out.Credentials?.AccessKeyId ?? '',
    secretAccessKey: out.Credentials?.SecretAccessKey ?? '',
    sessionToken: out.Credentials?.SessionToken,
  };
}

describe('STS caller credentials', { timeout: 10_000 }, () => {
  let server: AwsTestServer;
  const whoAmI = (client: STSClient) => client.send(new GetCallerIdentityCommand({}));

  before(async () => {
    server = await startAwsTestServer();
  });
  after(() => server.close());

  test('an unsigned GetCallerIdentity is refused as missing authentication', async () => {
    const response = await fetch(server.stsEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<Code>MissingAuthenticationToken<\/Code>/);
  });

  test('a signature for any region is accepted', async () => {
    const client = new STSClient({
      endpoint: server.stsEndpoint,
      region: 'ap-southeast-2',
      maxAttempts: 1,
      credentials: userKeys(server),
    });
    assert.equal((await whoAmI(client)).Arn, server.identities.user.arn);
  });

  test('a signature from a clock an hour off is refused as expired', async () => {
    const client = new STSClient({
      endpoint: server.stsEndpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: userKeys(server),
      systemClockOffset: -3_600_000,
    });
    const failure = await stsFailure(whoAmI(client));
    assert.equal(failure.code, 'SignatureDoesNotMatch');
    assert.match(failure.message, /^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  test('session keys work only with their own session token', async () => {
    const keys = await sessionKeys(server);
    assert.match((await whoAmI(jsSts(server, keys))).Arn ?? '', /assumed-role\/deploy\/s1$/);
    const other = await sessionKeys(server);
    for (const sessionToken of [undefined, other.sessionToken]) {
      const failure = await stsFailure(whoAmI(jsSts(server, { ...keys, sessionToken })));
      assert.deepEqual(failure, {
        code: 'InvalidClientTokenId',
        message: 'The security token included in the request is invalid.',
        status: 403,
      });
    }
  });

  test('user keys sent with a session token are refused', async () => {
    const failure = await stsFailure(whoAmI(jsSts(server, { ...userKeys(server), sessionToken: 'IQoJ' })));
    assert.equal(failure.code, 'InvalidClientTokenId');
  });

  test('keys from issueKeys work for another user', async () => {
    const keys = server.issueKeys('arn:aws:iam::555555555555:user/ci');
    const identity = await whoAmI(jsSts(server, keys));
    assert.equal(identity.Arn, 'arn:aws:iam::555555555555:user/ci');
    assert.equal(identity.Account, '555555555555');
  });
});

describe('STS session expiry', { timeout: 10_000 }, () => {
  test('session credentials past their lifetime are refused with ExpiredToken', async () => {
    const server = await startAwsTestServer({ sessionLifetimeMs: 400 });
    try {
      const keys = await sessionKeys(server);
      const client = jsSts(server, keys);
      await client.send(new GetCallerIdentityCommand({}));
      await new Promise((resolve) => setTimeout(resolve, 450));
      const failure = await stsFailure(client.send(new GetCallerIdentityCommand({})));
      assert.deepEqual(failure, {
        code: 'ExpiredToken',
        message: 'The security token included in the request is expired',
        status: 403,
      });
    } finally {
      await server.close();
    }
  });

  test('the reported Expiration matches the short lifetime', async () => {
    const server = await startAwsTestServer({ sessionLifetimeMs: 5000 });
    try {
      const out = await jsSts(server, userKeys(server)).send(
        new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'short' }),
      );
      const remaining = (out.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
      assert.ok(remaining > 3000 && remaining <= 5000, `got ${remaining} ms`);
    } finally {
      await server.close();
    }
  });
});
