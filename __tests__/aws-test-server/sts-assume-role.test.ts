// AssumeRole's rules: chaining, durations, parameter validation and role trust configuration.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AssumeRoleCommand,
  type AssumeRoleCommandInput,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { jsSts, type Keys, stsFailure, userKeys } from './clients.ts';

const ROLE = 'arn:aws:iam::222222222222:role/deploy';
const CHAIN_LIMIT =
  'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';

describe('AssumeRole', { timeout: 10_000 }, () => {
  let server: AwsTestServer;
  const assume = (input: Partial<AssumeRoleCommandInput>, keys: Keys = userKeys(server)) =>
    jsSts(server, keys).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'session', ...input }));
  const sessionKeys = async (input: Partial<AssumeRoleCommandInput> = {}, keys?: Keys): Promise<Keys> => {
    const { Credentials } = await assume(input, keys);
    return {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken,
    };
  };

  before(async () => {
    server = await startAwsTestServer();
  });
  after(() => server.close());

  test('a user may ask for up to 12 hours, and Expiration says so', async () => {
    const out = await assume({ DurationSeconds: 43200 });
    const seconds = ((out.Credentials?.Expiration?.getTime() ?? 0) - Date.now()) / 1000;
    assert.ok(seconds > 43190 && seconds <= 43200, `got ${seconds}`);
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z2-7]{17}:session$/);
  });

  test('a role session asking for more than one hour is refused as role chaining', async () => {
    const hop1 = await sessionKeys();
    const failure = await stsFailure(assume({ DurationSeconds: 3601 }, hop1));
    assert.deepEqual(failure, { code: 'ValidationError', message: CHAIN_LIMIT, status: 400 });
    await assume({ DurationSeconds: 3600 }, hop1);
    await assume({}, hop1);
  });

  test('the role MaxSessionDuration caps the duration', async () => {
    server.configureRole('arn:aws:iam::222222222222:role/short', { maxSessionDuration: 3600 });
    const failure = await stsFailure(
      assume({ RoleArn: 'arn:aws:iam::222222222222:role/short', DurationSeconds: 7200 }),
    );
    assert.equal(
      failure.message,
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  const invalid: [string, Partial<AssumeRoleCommandInput>, RegExp][] = [
    [
      'a one-character session name',
      { RoleSessionName: 'a' },
      /Value 'a' at 'roleSessionName' .*length greater than or equal to 2/,
    ],
    [
      'a 65-character session name',
      { RoleSessionName: 'a'.repeat(65) },
      /at 'roleSessionName' .*less than or equal to 64/,
    ],
    [
      'a session name with a space',
      { RoleSessionName: 'a b' },
      /Member must satisfy regular expression pattern: \[\\w\+=,\.@-\]\*/,
    ],
    [
      'a duration under 900 seconds',
      { DurationSeconds: 899 },
      /Value '899' at 'durationSeconds' .*greater than or equal to 900/,
    ],
    [
      'a duration over 12 hours',
      { DurationSeconds: 43201 },
      /at 'durationSeconds' .*less than or equal to 43200/,
    ],
    ['a malformed role ARN', { RoleArn: 'arn:aws:iam::12345:role/x-too-short' }, /^Request ARN is invalid$/],
    [
      'a role ARN in an unknown partition',
      { RoleArn: 'arn:aws-xx:iam::222222222222:role/x' },
      /Request ARN is invalid/,
    ],
    ['a one-character external id', { ExternalId: 'x' }, /at 'externalId' .*greater than or equal to 2/],
    ['a source identity starting with aws:', { SourceIdentity: 'aws:me' }, /at 'sourceIdentity' .*pattern/],
    [
      '51 tags',
      { Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) },
      /at 'tags' .*less than or equal to 50/,
    ],
    [
      'a 129-character tag key',
      { Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] },
      /at 'tags.1.member.key' .*128/,
    ],
    [
      'a tag value with a forbidden character',
      { Tags: [{ Key: 'k', Value: 'a;b' }] },
      /at 'tags.1.member.value' .*pattern/,
    ],
    [
      'tag keys that differ only in case',
      {
        Tags: [
          { Key: 'Team', Value: 'a' },
          { Key: 'team', Value: 'b' },
        ],
      },
      /Duplicate tag keys found/,
    ],
    [
      'a transitive key that is not a tag',
      { Tags: [{ Key: 'a', Value: 'b' }], TransitiveTagKeys: ['c'] },
      /transitive tag key must be included/,
    ],
    [
      '11 policy ARNs',
      { PolicyArns: Array.from({ length: 11 }, (_, i) => ({ arn: `arn:aws:iam::aws:policy/P${i}` })) },
      /at 'policyArns' .*less than or equal to 10/,
    ],
  ];
  for (const [name, input, message] of invalid) {
    test(`refuses ${name} with ValidationError`, async () => {
      const failure = await stsFailure(assume(input));
      assert.equal(failure.code, 'ValidationError');
      assert.equal(failure.status, 400);
      assert.match(failure.message, message);
    });
  }

  test('several violations are reported together, as STS counts them', async () => {
    const failure = await stsFailure(assume({ RoleSessionName: 'a', DurationSeconds: 10 }));
    assert.match(failure.message, /^2 validation errors detected: Value 'a' .*; Value '10' /);
  });

  test('a policy that is not JSON is a MalformedPolicyDocument', async () => {
    const failure = await stsFailure(assume({ Policy: '{not json' }));
    // The SDK maps the wire code to its modelled exception only when the code is the real one.
    assert.equal(failure.code, 'MalformedPolicyDocumentException');
    assert.equal(server.requests.at(-1)?.errorCode, 'MalformedPolicyDocument');
  });

  test('policy and tags over the packed budget are PackedPolicyTooLarge', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Sid: 'x'.repeat(1900) }],
    });
    const tags = Array.from({ length: 10 }, (_, i) => ({ Key: `key${i}`, Value: 'v'.repeat(40) }));
    const failure = await stsFailure(assume({ Policy: policy, Tags: tags }));
    assert.equal(failure.code, 'PackedPolicyTooLargeException');
    assert.equal(server.requests.at(-1)?.errorCode, 'PackedPolicyTooLarge');
    assert.match(failure.message, /Packed policy consumes \d+% of allotted space/);
  });

  test('a valid policy, policy ARNs and tags are accepted and reported as a packed size', async () => {
    const out = await assume({
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      }),
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [{ Key: 'Repository', Value: 'octo-org/octo-repo' }],
      TransitiveTagKeys: ['repository'],
    });
    assert.ok((out.PackedPolicySize ?? 0) > 0);
  });

  test('a role denying all callers gives AccessDenied naming the caller and the role', async () => {
    const role = 'arn:aws:iam::222222222222:role/locked';
    server.configureRole(role, { denyCallers: 'all' });
    const failure = await stsFailure(assume({ RoleArn: role }));
    assert.deepEqual(failure, {
      code: 'AccessDenied',
      status: 403,
      message: `User: ${server.identities.user.arn} is not authorized to perform: sts:AssumeRole on resource: ${role}`,
    });
  });

  test('a role denying a caller role refuses that role’s sessions, naming the assumed-role ARN', async () => {
    const role = 'arn:aws:iam::333333333333:role/target';
    server.configureRole(role, { denyCallers: [ROLE] });
    const hop1 = await sessionKeys({ RoleSessionName: 'hop1' });
    const failure = await stsFailure(assume({ RoleArn: role }, hop1));
    assert.equal(
      failure.message,
      `User: arn:aws:sts::222222222222:assumed-role/deploy/hop1 is not authorized to perform: sts:AssumeRole on resource: ${role}`,
    );
    await assume({ RoleArn: role }); // the user itself is still trusted
  });

  test('a required external id must be sent and must match', async () => {
    const role = 'arn:aws:iam::222222222222:role/vendor';
    server.configureRole(role, { requireExternalId: 'vendor-42' });
    assert.equal((await stsFailure(assume({ RoleArn: role }))).code, 'AccessDenied');
    assert.equal((await stsFailure(assume({ RoleArn: role, ExternalId: 'vendor-41' }))).code, 'AccessDenied');
    await assume({ RoleArn: role, ExternalId: 'vendor-42' });
  });

  test('a role without sts:TagSession refuses tagged sessions only', async () => {
    const role = 'arn:aws:iam::222222222222:role/untagged';
    server.configureRole(role, { denyTagSession: true });
    const failure = await stsFailure(assume({ RoleArn: role, Tags: [{ Key: 'a', Value: 'b' }] }));
    assert.equal(
      failure.message,
      `User: ${server.identities.user.arn} is not authorized to perform: sts:TagSession on resource: ${role}`,
    );
    await assume({ RoleArn: role });
  });

  test('a source identity is returned and persists through the chain', async () => {
    const first = await assume({ SourceIdentity: 'alice' });
    assert.equal(first.SourceIdentity, 'alice');
    const hop1 = await sessionKeys({ SourceIdentity: 'alice' });
    const second = await assume({ RoleArn: 'arn:aws:iam::333333333333:role/next' }, hop1);
    assert.equal(second.SourceIdentity, 'alice');
  });

  test('credentials of a partition-specific role carry that partition', async () => {
    const keys = await sessionKeys({ RoleArn: 'arn:aws-us-gov:iam::222222222222:role/gov' });
    const identity = await jsSts(server, keys).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, 'arn:aws-us-gov:sts::222222222222:assumed-role/gov/session');
  });

  test('error responses are STS-shaped XML', async () => {
    const response = await fetch(server.stsEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=NoSuchAction&Version=2011-06-15',
    });
    const body = await response.text();
    assert.equal(response.status, 400);
    assert.match(
      body,
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>[^<]+<\/Message><\/Error>\s*<RequestId>[0-9a-f-]{36}<\/RequestId>\s*<\/ErrorResponse>/,
    );
  });
});
