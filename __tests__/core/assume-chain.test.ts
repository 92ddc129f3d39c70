import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  AssumeRoleCommand,
  type AssumeRoleCommandInput,
  AssumeRoleWithWebIdentityCommand,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { StsRefusalError } from '../../src/diagnosis/sts-refusal.ts';
import { directAgents } from '../../src/net/agents.ts';
import { assumeChain } from '../../src/obtain/assume-chain.ts';
import type { ChainContext } from '../../src/obtain/chain-context.ts';
import type { SourceStart } from '../../src/sources/source.ts';

// The mock replaces STSClient's send for the whole process, so it lives only while this suite runs: unit
// files share one process, and others talk to a real STS.
let sts: AwsClientStub<STSClient>;

const ROLES = [
  'arn:aws:iam::111111111111:role/a',
  'arn:aws:iam::222222222222:role/b',
  'arn:aws:iam::333333333333:role/c',
];

function answerAssumeRole() {
  let n = 0;
  sts.on(AssumeRoleCommand).callsFake((input: AssumeRoleCommandInput) => {
    n++;
    const [, , , , account, resource] = (input.RoleArn ?? '').split(':');
    return {
      Credentials: {
        AccessKeyId: `ASIA${n}`,
        SecretAccessKey: `secret${n}`,
        SessionToken: `token${n}`,
        Expiration: new Date(Date.now() + 3_600_000),
      },
      AssumedRoleUser: {
        Arn: `arn:aws:sts::${account}:assumed-role/${resource?.split('/').pop()}/${input.RoleSessionName}`,
        AssumedRoleId: 'x',
      },
    };
  });
}

function context(overrides: Partial<ChainContext['parameters']> = {}, secrets: string[] = []): ChainContext {
  return {
    sts: {
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1',
      agents: directAgents(),
      retry: {
        maxAttempts: 3,
        baseDelayMs: 1,
        throttleBaseDelayMs: 1,
        maxDelayMs: 2,
        requestTimeoutMs: 100,
        totalTimeoutMs: 500,
      },
    },
    sourceName: 'keys',
    onSecret: (secret) => secrets.push(secret),
    debug: () => {},
    parameters: {
      sessionName: 'run-1',
      durationSeconds: 7200,
      tags: [],
      transitiveTagKeys: [],
      policyArns: [],
      ...overrides,
    },
  };
}

const userKeys: SourceStart = {
  kind: 'credentials',
  identity: {
    credentials: { accessKeyId: 'AKIAUSER', secretAccessKey: 's' },
    isRoleSession: false,
    description: 'keys',
  },
};

describe('assumeChain', () => {
  before(() => {
    sts = mockClient(STSClient);
  });
  afterEach(() => sts.reset());
  after(() => sts.restore());
  it('makes one AssumeRole call per hop and caps chained hops at one hour', async () => {
    answerAssumeRole();
    const result = await assumeChain(
      userKeys,
      { roleArns: ROLES, offset: 0, total: 3, isChainEnd: true },
      context(),
    );
    const calls = sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input);
    assert.equal(calls.length, 3);
    assert.deepEqual(
      calls.map((input) => input.DurationSeconds),
      [7200, 3600, 3600],
    );
    assert.deepEqual(
      result.hops.map((hop) => hop.cappedFrom),
      [undefined, 7200, 7200],
    );
    assert.equal(result.identity?.arn, 'arn:aws:sts::333333333333:assumed-role/c/run-1');
  });

  it('puts session policies on the last hop only, and tags on every AssumeRole hop', async () => {
    answerAssumeRole();
    const parameters = {
      policy: '{"Version":"2012-10-17","Statement":[]}',
      policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      tags: [{ key: 'team', value: 'ci' }],
    };
    await assumeChain(
      userKeys,
      { roleArns: ROLES.slice(0, 2), offset: 0, total: 2, isChainEnd: true },
      context(parameters),
    );
    const [first, last] = sts.commandCalls(AssumeRoleCommand).map((call) => call.args[0].input);
    assert.equal(first?.Policy, undefined);
    assert.equal(first?.PolicyArns, undefined);
    assert.equal(last?.Policy, parameters.policy);
    assert.deepEqual(last?.PolicyArns, [{ arn: parameters.policyArns[0] }]);
    assert.deepEqual(first?.Tags, [{ Key: 'team', Value: 'ci' }]);
  });

  it('hands every issued secret of every hop to the sink', async () => {
    answerAssumeRole();
    const secrets: string[] = [];
    await assumeChain(
      userKeys,
      { roleArns: ROLES.slice(0, 2), offset: 0, total: 2, isChainEnd: true },
      context({}, secrets),
    );
    assert.deepEqual(secrets, ['ASIA1', 'secret1', 'token1', 'ASIA2', 'secret2', 'token2']);
  });

  it('sends no tags, external id or source identity with AssumeRoleWithWebIdentity', async () => {
    answerAssumeRole();
    sts.on(AssumeRoleWithWebIdentityCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAW',
        SecretAccessKey: 'sw',
        SessionToken: 'tw',
        Expiration: new Date(Date.now() + 3_600_000),
      },
      AssumedRoleUser: { Arn: 'arn:aws:sts::111111111111:assumed-role/a/run-1', AssumedRoleId: 'x' },
    });
    const start: SourceStart = {
      kind: 'web-identity',
      token: async () => 'header.e30.sig',
      description: 'oidc',
    };
    const parameters = { tags: [{ key: 'k', value: 'v' }], externalId: 'ext-id', sourceIdentity: 'me' };
    await assumeChain(
      start,
      { roleArns: ROLES.slice(0, 2), offset: 0, total: 2, isChainEnd: true },
      context(parameters),
    );
    const web: Record<string, unknown> = {
      ...sts.commandCalls(AssumeRoleWithWebIdentityCommand)[0]?.args[0].input,
    };
    assert.equal(web.DurationSeconds, 7200, 'a web identity hop is not role chaining');
    for (const key of ['Tags', 'ExternalId', 'SourceIdentity', 'TransitiveTagKeys'])
      assert.equal(web[key], undefined);
    const next = sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input;
    assert.equal(next?.ExternalId, 'ext-id');
    assert.equal(next?.DurationSeconds, 3600);
  });

  it('fails a denied hop at once with the hop, the caller and the fix', async () => {
    answerAssumeRole();
    sts.on(AssumeRoleCommand, { RoleArn: ROLES[1] }).rejects(
      new STSServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: `User: arn:aws:sts::111111111111:assumed-role/a/run-1 is not authorized to perform: sts:AssumeRole on resource: ${ROLES[1]}`,
      }),
    );
    const error = await assumeChain(
      userKeys,
      { roleArns: ROLES, offset: 0, total: 3, isChainEnd: true },
      context(),
    ).catch((e) => e);
    assert.ok(error instanceof StsRefusalError);
    assert.match(
      error.message,
      /hop 2 of 3 \(AssumeRole arn:aws:iam::222222222222:role\/b\) failed: AccessDenied/,
    );
    assert.match(error.message, /caller: arn:aws:sts::111111111111:assumed-role\/a\/run-1/);
    assert.match(
      error.message,
      /trust policy of arn:aws:iam::222222222222:role\/b must allow the principal arn:aws:iam::111111111111:role\/a/,
    );
    assert.equal(sts.commandCalls(AssumeRoleCommand).length, 2, 'AccessDenied is not retried');
  });

  it('retries throttling, then succeeds', async () => {
    let n = 0;
    sts.on(AssumeRoleCommand).callsFake(() => {
      n++;
      if (n < 3)
        throw new STSServiceException({
          name: 'Throttling',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: 'Rate exceeded',
        });
      return {
        Credentials: {
          AccessKeyId: 'ASIA',
          SecretAccessKey: 's',
          SessionToken: 't',
          Expiration: new Date(Date.now() + 3_600_000),
        },
        AssumedRoleUser: { Arn: 'arn:aws:sts::111111111111:assumed-role/a/run-1', AssumedRoleId: 'x' },
      };
    });
    const result = await assumeChain(
      userKeys,
      { roleArns: ROLES.slice(0, 1), offset: 0, total: 1, isChainEnd: true },
      context(),
    );
    assert.equal(n, 3);
    assert.equal(result.hops.length, 1);
  });
});
