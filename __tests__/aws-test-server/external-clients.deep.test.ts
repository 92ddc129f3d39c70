// The server against clients nobody on this project wrote: the AWS CLI v2 and botocore.
// Their processes are slow to start, so they all run once, concurrently, and the tests read the results.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { awsCli, type BotocoreResult, botocore, type ProcessResult, userKeys } from './clients.ts';

const ROLE_A = 'arn:aws:iam::222222222222:role/hop-a';
const ROLE_B = 'arn:aws:iam::333333333333:role/team/hop-b';
const ROLE_C = 'arn:aws:iam::444444444444:role/hop-c';
const WEB_ROLE = 'arn:aws:iam::222222222222:role/gha-deploy';
const UNKNOWN_KEY = 'AKIAIOSFODNN7EXAMPLE';

describe('AWS CLI and botocore against the test server', { timeout: 120_000 }, () => {
  let server: AwsTestServer;
  let cli: Record<'identity' | 'wrongSecret' | 'webIdentity', ProcessResult>;
  let py: Record<string, BotocoreResult>;

  before(async () => {
    server = await startAwsTestServer();
    const user = userKeys(server);
    const boto = { AccessKeyId: user.accessKeyId, SecretAccessKey: user.secretAccessKey };
    const hop = (RoleArn: string, RoleSessionName: string) => ({
      RoleArn,
      RoleSessionName,
      DurationSeconds: 3600,
    });
    const webIdentity = [
      'sts',
      'assume-role-with-web-identity',
      '--role-arn',
      WEB_ROLE,
      '--role-session-name',
      'gha-cli',
    ];
    const [identity, wrongSecret, webIdentityRun, python] = await Promise.all([
      awsCli(server, user, ['sts', 'get-caller-identity']),
      awsCli(server, { ...user, secretAccessKey: otherLastChar(user.secretAccessKey) }, [
        'sts',
        'get-caller-identity',
      ]),
      awsCli(server, undefined, [...webIdentity, '--web-identity-token', server.mintIdToken()]), // unsigned: no keys
      botocore(server, [
        { name: 'identity', op: 'get_caller_identity', creds: boto },
        {
          name: 'wrongSecret',
          op: 'get_caller_identity',
          creds: { ...boto, SecretAccessKey: 'x'.repeat(40) },
        },
        { name: 'unknownKey', op: 'get_caller_identity', creds: { ...boto, AccessKeyId: UNKNOWN_KEY } },
        { name: 'hop1', op: 'assume_role', creds: boto, params: hop(ROLE_A, 'one') },
        { name: 'hop2', op: 'assume_role', credsFrom: 'hop1', params: hop(ROLE_B, 'two') },
        { name: 'hop3', op: 'assume_role', credsFrom: 'hop2', params: hop(ROLE_C, 'three') },
        { name: 'final', op: 'get_caller_identity', credsFrom: 'hop3' },
        { name: 'noToken', op: 'get_caller_identity', credsFrom: 'hop1', override: { SessionToken: null } },
        {
          name: 'wrongToken',
          op: 'get_caller_identity',
          credsFrom: 'hop1',
          override: { SessionToken: 'IQoJwrong' },
        },
        { name: 'instance', op: 'instance_credentials', imdsEndpoint: server.imdsEndpoint },
        { name: 'instanceIdentity', op: 'get_caller_identity', credsFrom: 'instance' },
        {
          name: 'instanceChain',
          op: 'assume_role',
          credsFrom: 'instance',
          params: { RoleArn: ROLE_A, RoleSessionName: 'next', DurationSeconds: 7200 },
        },
        {
          name: 'container',
          op: 'container_credentials',
          fullUri: server.container.fullUri,
          token: server.container.authorizationToken,
        },
        { name: 'containerIdentity', op: 'get_caller_identity', credsFrom: 'container' },
      ]),
    ]);
    cli = { identity, wrongSecret, webIdentity: webIdentityRun };
    py = python;
  });
  after(() => server.close());

  test('the AWS CLI gets the user identity with the user keys', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.equal(cli.identity.code, 0, cli.identity.stderr);
    const identity = JSON.parse(cli.identity.stdout);
    assert.equal(identity.Arn, server.identities.user.arn);
    assert.equal(identity.Account, '111111111111');
  });

  test('the AWS CLI is refused with SignatureDoesNotMatch when the secret is wrong', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.notEqual(cli.wrongSecret.code, 0);
    assert.match(
      cli.wrongSecret.stderr,
      /\(SignatureDoesNotMatch\).*request signature we calculated does not match/,
    );
  });

  test('the AWS CLI exchanges a good web identity token for role credentials', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.equal(cli.webIdentity.code, 0, cli.webIdentity.stderr);
    const out = JSON.parse(cli.webIdentity.stdout);
    assert.equal(out.AssumedRoleUser.Arn, 'arn:aws:sts::222222222222:assumed-role/gha-deploy/gha-cli');
    assert.equal(out.SubjectFromWebIdentityToken, 'repo:octo-org/octo-repo:ref:refs/heads/main');
    assert.equal(out.Audience, 'sts.amazonaws.com');
    assert.equal(out.Provider, 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com');
    assert.match(out.Credentials.AccessKeyId, /^ASIA/);
  });

  test('botocore gets the user identity, and is refused with a wrong secret or an unknown key', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.equal(py.identity?.Arn, server.identities.user.arn);
    assert.match(py.identity?.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
    assert.deepEqual([py.wrongSecret?.Error, py.wrongSecret?.Status], ['SignatureDoesNotMatch', 403]);
    assert.deepEqual([py.unknownKey?.Error, py.unknownKey?.Status], ['InvalidClientTokenId', 403]);
    assert.equal(py.unknownKey?.Message, 'The security token included in the request is invalid.');
  });

  test('botocore follows a three-hop chain, each hop signed with the previous credentials', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.equal(py.hop1?.Arn, 'arn:aws:sts::222222222222:assumed-role/hop-a/one');
    assert.equal(
      py.hop2?.Arn,
      'arn:aws:sts::333333333333:assumed-role/hop-b/two',
      'the role path is dropped',
    );
    assert.equal(py.hop3?.Arn, 'arn:aws:sts::444444444444:assumed-role/hop-c/three');
    assert.equal(py.final?.Arn, py.hop3?.Arn);
    assert.equal(py.final?.Account, '444444444444');
    assert.match(py.final?.UserId ?? '', /^AROA[A-Z2-7]{17}:three$/);
  });

  test('session keys are refused without their session token or with a wrong one', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.equal(py.noToken?.Error, 'InvalidClientTokenId');
    assert.equal(py.wrongToken?.Error, 'InvalidClientTokenId');
    assert.equal(py.wrongToken?.Message, 'The security token included in the request is invalid.');
  });

  test('botocore’s IMDS fetcher gets instance-role credentials that work against STS', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.equal(py.instance?.Role, server.identities.instanceRole.name);
    assert.match(
      py.instanceIdentity?.Arn ?? '',
      /^arn:aws:sts::111111111111:assumed-role\/test-instance-role\/i-[0-9a-f]+$/,
    );
  });

  test('instance credentials are a role session, so botocore cannot chain past one hour with them', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.equal(py.instanceChain?.Error, 'ValidationError');
    assert.match(py.instanceChain?.Message ?? '', /1 hour session limit for roles assumed by role chaining/);
  });

  test('botocore’s container provider gets container-role credentials that work against STS', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    assert.match(
      py.containerIdentity?.Arn ?? '',
      /^arn:aws:sts::111111111111:assumed-role\/test-container-role\//,
    );
  });

  test('the chain is in the request log with each caller', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    const hops = server.requests.filter(
      (r) => r.action === 'AssumeRole' && r.params.DurationSeconds === '3600',
    );
    assert.deepEqual(
      hops.map((r) => [r.params.RoleArn, r.callerArn]),
      [
        [ROLE_A, server.identities.user.arn],
        [ROLE_B, py.hop1?.Arn],
        [ROLE_C, py.hop2?.Arn],
      ],
    );
  });

  test('issued session keys look like real ones and are unique', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, () => {
    const creds = [py.hop1, py.hop2, py.hop3].map((r) => r?.Credentials);
    for (const c of creds) {
      assert.match(c?.AccessKeyId ?? '', /^ASIA[A-Z0-9]{16}$/);
      assert.equal(c?.SecretAccessKey.length, 40);
      assert.ok((c?.SessionToken?.length ?? 0) > 400);
    }
    assert.equal(new Set(creds.map((c) => c?.SessionToken)).size, 3);
    assert.match(server.identities.user.accessKeyId, /^AKIA[A-Z0-9]{16}$/);
  });
});

/** The secret with its last character changed: always a different secret. */
function otherLastChar(secret: string): string {
  return `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`;
}
