// The trust doctor end to end: a repository on the immutable subject form meets a trust policy written
// from the old documentation; the condition the doctor prints is what makes the role let it in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  assertSucceeded,
  deepTest,
  jobEnv,
  oidcEnv,
  roleArn,
  runStep,
  sessionArn,
  startAwsTestServer,
  stsCalls,
  withJob,
} from '../../testing/e2e/index.ts';
import { defaultSessionName, exportedKeys } from './support/credentials.ts';

const IMMUTABLE = 'repo:octo-org@81234567/octo-repo@912345678:ref:refs/heads/main';
const PROVIDER = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer({ oidcSubject: IMMUTABLE });
});
after(() => server.close());

const policyWith = (condition: unknown) => ({
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition as never,
    },
  ],
});

test('an immutable subject refused by a name-only condition: the doctor names the form, and its condition lets the run in', async () => {
  const role = roleArn('old-docs');
  server.configureRole(role, {
    webIdentityTrustPolicy: policyWith({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
    }),
  });
  await withJob(jobEnv(server, oidcEnv(server)), async (job) => {
    const refused = await runStep(server, job, { source: 'oidc', 'role-arn': role });
    const error = assertFailed(refused);
    assert.match(error, /AccessDenied/);
    assert.ok(
      error.includes(
        `token claims: iss="https://token.actions.githubusercontent.com" sub="${IMMUTABLE}" aud="sts.amazonaws.com"`,
      ),
      error,
    );
    assert.equal(stsCalls(refused.requests).length, 1, 'a refusal is not retried with a fresh token');
    assert.match(error, /subject form: immutable \(.*owner id 81234567, repository id 912345678\)/);
    assert.match(error, /repository_owner_id="81234567" repository_id="912345678"/);
    const condition = /such as (\{"Condition":.*\}) \('assume-aws-role trust-policy'/.exec(error)?.[1];
    assert.ok(condition, error);
    const parsed = JSON.parse(condition) as { Condition: unknown };
    assert.deepEqual(
      (parsed.Condition as { StringLike: Record<string, unknown> }).StringLike[
        'token.actions.githubusercontent.com:sub'
      ],
      ['repo:octo-org/octo-repo:ref:refs/heads/main', IMMUTABLE],
    );

    server.configureRole(role, { webIdentityTrustPolicy: policyWith(parsed.Condition) });
    const admitted = await runStep(server, job, { source: 'oidc', 'role-arn': role });
    assertSucceeded(admitted);
    assert.ok(exportedKeys(admitted.main).accessKeyId);
    assert.equal(admitted.main.outputs.arn, sessionArn('old-docs', defaultSessionName(job)));
  });
});

// failures.test.ts keeps this path in `npm test`: the refused sts:TagSession names the keys' owner the same way.
deepTest(
  'AssumeRole refused for keys known only by their id: one GetCallerIdentity, on the failure path only, names the principal',
  async () => {
    const role = roleArn('denies-user');
    const user = server.identities.user;
    server.configureRole(role, { denyCallers: [user.arn] });
    await withJob(jobEnv(server), async (job) => {
      const inputs = {
        source: 'keys',
        'aws-access-key-id': user.accessKeyId,
        'aws-secret-access-key': user.secretAccessKey,
      };
      const refused = await runStep(server, job, { ...inputs, 'role-arn': role });
      const error = assertFailed(refused);
      assert.ok(error.includes(`caller: ${user.arn}`), error);
      assert.ok(error.includes(`must allow the principal ${user.arn} to sts:AssumeRole`), error);
      assert.deepEqual(
        stsCalls(refused.requests).map((call) => call.action),
        ['AssumeRole', 'GetCallerIdentity'],
      );

      const admitted = await runStep(server, job, { ...inputs, 'role-arn': roleArn('admits-user') });
      assertSucceeded(admitted);
      assert.deepEqual(
        stsCalls(admitted.requests).map((call) => call.action),
        ['AssumeRole'],
        'a success costs no extra call',
      );
    });
  },
);
