// Chains of roles through the built action: one STS call per hop, each signed by the hop before, the
// role-chaining cap with one warning, tags on AssumeRole hops only when given, session policies on the last hop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AwsTestServer, LoggedRequest } from '../../testing/aws-test-server/index.ts';
import {
  assertSucceeded,
  commandMessages,
  deepTest,
  INSTANCE_SESSION,
  imdsEnv,
  jobEnv,
  oidcEnv,
  roleArn,
  runStep,
  sessionArn,
  startAwsTestServer,
  stsCalls,
  withJob,
} from '../../testing/e2e/index.ts';
import { startBotocore } from './support/botocore.ts';
import { defaultSessionName, exportedKeys, maskedKeys } from './support/credentials.ts';

const POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const MANAGED = ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111111111111:policy/deploy-limits'];

/** Started as the file loads: the tests that need it skip where it cannot start. */
const botocore = await startBotocore();
let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => Promise.all([server.close(), botocore.close()]));

const keyInputs = () => ({
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
});

/** The parameters whose names start with `prefix`, e.g. all `Tags.` members of a call. */
function paramsStartingWith(call: LoggedRequest, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(call.params).filter(([name]) => name.startsWith(prefix)));
}

const TAG_PARAMS = {
  'Tags.member.1.Key': 'team',
  'Tags.member.1.Value': 'platform',
  'Tags.member.2.Key': 'env',
  'Tags.member.2.Value': 'prod',
  'TransitiveTagKeys.member.1': 'team',
};
const POLICY_PARAMS = {
  Policy: POLICY,
  'PolicyArns.member.1.arn': MANAGED[0],
  'PolicyArns.member.2.arn': MANAGED[1],
};

test('a 3-hop chain from keys with duration 2h: 7200 then 3600, 3600, one warning, each hop signed by the one before', {
  skip: botocore.missing,
}, async () => {
  const roles = ['chain-a', 'chain-b', 'chain-c'];
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, {
      source: 'keys',
      ...keyInputs(),
      'role-arn': roles.map((name) => roleArn(name)).join(' -> '),
      duration: '2h',
      'session-tags': 'team=platform\nenv=prod',
      'transitive-tag-keys': 'team',
      'inline-session-policy': POLICY,
      'managed-session-policies': MANAGED.join('\n'),
    });
    assertSucceeded(step);
    const calls = stsCalls(step.requests);
    assert.deepEqual(
      calls.map((call) => [call.action, call.params.RoleArn, call.params.DurationSeconds]),
      [
        ['AssumeRole', roleArn('chain-a'), '7200'],
        ['AssumeRole', roleArn('chain-b'), '3600'],
        ['AssumeRole', roleArn('chain-c'), '3600'],
      ],
      'one call per hop and no GetCallerIdentity',
    );
    const session = defaultSessionName(job);
    assert.deepEqual(
      calls.map((call) => call.callerArn),
      [server.identities.user.arn, sessionArn('chain-a', session), sessionArn('chain-b', session)],
    );
    for (const call of calls) {
      assert.equal(call.params.RoleSessionName, session);
      assert.deepEqual(
        { ...paramsStartingWith(call, 'Tags.'), ...paramsStartingWith(call, 'TransitiveTagKeys.') },
        TAG_PARAMS,
        'tags on every AssumeRole hop',
      );
    }
    assert.deepEqual(
      calls.map((call) => paramsStartingWith(call, 'Policy')),
      [{}, {}, POLICY_PARAMS],
      'session policies go on the last hop only',
    );

    const warnings = commandMessages(step.main, 'warning');
    assert.equal(warnings.length, 1, step.main.stdout);
    assert.match(
      warnings[0] ?? '',
      /duration 7200s was lowered to 3600s on 2 hop\(s\) \(hop 2 of 3, hop 3 of 3\)/,
    );

    // Every hop's credentials, as masked, are real: botocore recognises each as its hop's session.
    const hops = maskedKeys(step.main).filter(
      (keys) => keys.accessKeyId !== server.identities.user.accessKeyId,
    );
    assert.equal(hops.length, 3);
    assert.deepEqual(hops[2], exportedKeys(step.main));
    assert.deepEqual(
      await botocore.callerArns(server, hops),
      roles.map((role) => sessionArn(role, session)),
    );
  });
});

// No Tags on a hop without session-tags: sources.test.ts asserts every parameter of such hops in `npm test`.
deepTest(
  'tags are sent only when given: a chain without session-tags sends no Tags on any hop',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server), async (job) => {
      const step = await runStep(server, job, {
        source: 'keys',
        ...keyInputs(),
        'role-arn': `${roleArn('plain-a')}\n${roleArn('plain-b')}`,
      });
      assertSucceeded(step);
      const calls = stsCalls(step.requests);
      assert.equal(calls.length, 2);
      for (const call of calls) {
        assert.deepEqual(Object.keys(call.params).sort(), ['DurationSeconds', 'RoleArn', 'RoleSessionName']);
      }
      assert.deepEqual(commandMessages(step.main, 'warning'), [], 'the default hour needs no cap');
    });
  },
);

test('a chain from IMDS with duration 2h: every hop is chained, so 3600 on each and one warning', {
  skip: botocore.missing,
}, async () => {
  await withJob(jobEnv(server, imdsEnv(server)), async (job) => {
    const step = await runStep(server, job, {
      source: 'imds',
      'role-arn': `${roleArn('imds-a')} -> ${roleArn('imds-b')}`,
      duration: '2h',
    });
    assertSucceeded(step);
    const calls = stsCalls(step.requests);
    const session = defaultSessionName(job);
    assert.deepEqual(
      calls.map((call) => [call.action, call.params.RoleArn, call.params.DurationSeconds, call.callerArn]),
      [
        ['AssumeRole', roleArn('imds-a'), '3600', INSTANCE_SESSION],
        ['AssumeRole', roleArn('imds-b'), '3600', sessionArn('imds-a', session)],
      ],
    );
    const warnings = commandMessages(step.main, 'warning');
    assert.equal(warnings.length, 1, step.main.stdout);
    assert.match(
      warnings[0] ?? '',
      /duration 7200s was lowered to 3600s on 2 hop\(s\) \(hop 1 of 2, hop 2 of 2\)/,
    );
    assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [
      sessionArn('imds-b', session),
    ]);
  });
});

// What AssumeRoleWithWebIdentity leaves out is a rule of __tests__/core/assume-chain.test.ts.
deepTest(
  'an oidc chain: no tags, external id or source identity on AssumeRoleWithWebIdentity; all of them on the AssumeRole after it',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server, oidcEnv(server)), async (job) => {
      const step = await runStep(server, job, {
        source: 'oidc',
        'role-arn': `${roleArn('web-a')} -> ${roleArn('web-b')}`,
        duration: '2h',
        'session-tags': 'team=platform\nenv=prod',
        'transitive-tag-keys': 'team',
        'external-id': 'ext-77',
        'source-identity': 'octocat',
        'inline-session-policy': POLICY,
        'managed-session-policies': MANAGED.join('\n'),
      });
      assertSucceeded(step);
      const [web, chained, ...rest] = stsCalls(step.requests);
      assert.deepEqual(rest, []);
      assert.equal(web?.action, 'AssumeRoleWithWebIdentity');
      assert.deepEqual(
        Object.keys(web?.params ?? {}).sort(),
        [
          'DurationSeconds',
          'RoleArn',
          'RoleSessionName',
          'WebIdentityToken.aud',
          'WebIdentityToken.iss',
          'WebIdentityToken.sub',
        ],
        'no Tags, TransitiveTagKeys, ExternalId, SourceIdentity or policies on the first of two hops',
      );
      assert.equal(web?.params.DurationSeconds, '7200', 'a web identity hop is not role chaining');
      assert.equal(chained?.action, 'AssumeRole');
      assert.equal(chained?.callerArn, sessionArn('web-a', defaultSessionName(job)));
      assert.deepEqual(chained?.params, {
        RoleArn: roleArn('web-b'),
        RoleSessionName: defaultSessionName(job),
        DurationSeconds: '3600',
        ExternalId: 'ext-77',
        SourceIdentity: 'octocat',
        ...TAG_PARAMS,
        ...POLICY_PARAMS,
      });
      assert.equal(commandMessages(step.main, 'warning').length, 1, step.main.stdout);
      assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [
        sessionArn('web-b', defaultSessionName(job)),
      ]);
    });
  },
);

test('a single oidc hop is the last hop: it carries the session policies, and still no tags', {
  skip: botocore.missing,
}, async () => {
  await withJob(jobEnv(server, oidcEnv(server)), async (job) => {
    const step = await runStep(server, job, {
      source: 'oidc',
      'role-arn': roleArn('web-only'),
      'session-tags': 'team=platform',
      'inline-session-policy': POLICY,
      'managed-session-policies': MANAGED.join('\n'),
    });
    assertSucceeded(step);
    const [web, ...rest] = stsCalls(step.requests);
    assert.deepEqual(rest, []);
    assert.equal(web?.action, 'AssumeRoleWithWebIdentity');
    assert.deepEqual(paramsStartingWith(web as LoggedRequest, 'Policy'), POLICY_PARAMS);
    assert.deepEqual(paramsStartingWith(web as LoggedRequest, 'Tags'), {});
    assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [
      sessionArn('web-only', defaultSessionName(job)),
    ]);
  });
});
