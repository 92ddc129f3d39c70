// Each failure class, through the built action: the step fails at once with exit code 1, hands
// nothing over, and its one ::error:: is the diagnosis with the fix.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  deepTest,
  jobEnv,
  oidcEnv,
  roleArn,
  rowsFor,
  runStep,
  sessionArn,
  startAwsTestServer,
  stsCalls,
  withJob,
} from '../../testing/e2e/index.ts';
import type { Keys } from './support/botocore.ts';
import { defaultSessionName } from './support/credentials.ts';

const GITHUB_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main';

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

const keyInputs = () => ({
  source: 'keys',
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
});

/** The role session the server's container agent hands out: session keys, as the agent issued them. */
async function agentSession(agent: AwsTestServer): Promise<Keys> {
  const answer = await fetch(agent.container.fullUri, {
    headers: { authorization: agent.container.authorizationToken },
    signal: AbortSignal.timeout(5000),
  });
  assert.equal(answer.status, 200);
  const body = (await answer.json()) as { AccessKeyId: string; SecretAccessKey: string; Token: string };
  return { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token };
}

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('AccessDenied at hop 2 of 3 names the hop, the caller ARN and the trust-policy fix, without retrying', async () => {
  server.configureRole(roleArn('deny-b'), { denyCallers: [roleArn('deny-a')] });
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': [roleArn('deny-a'), roleArn('deny-b'), roleArn('deny-c')].join(' -> '),
    });
    const error = assertFailed(step);
    const caller = sessionArn('deny-a', defaultSessionName(job));
    assert.match(
      error,
      /^hop 2 of 3 \(AssumeRole arn:aws:iam::111111111111:role\/deny-b\) failed: AccessDenied/,
    );
    assert.ok(error.includes(`caller: ${caller}`), error);
    assert.ok(
      error.includes(
        `Fix: the trust policy of ${roleArn('deny-b')} must allow the principal ${roleArn('deny-a')} to sts:AssumeRole`,
      ),
      error,
    );
    assert.deepEqual(
      stsCalls(step.requests).map((call) => [call.params.RoleArn, call.errorCode]),
      [
        [roleArn('deny-a'), undefined],
        [roleArn('deny-b'), 'AccessDenied'],
      ],
      'AccessDenied is not retried, and hop 3 is never tried',
    );
    assert.ok(step.main.summary.includes('hop 2 of 3'), 'the diagnosis is in the job summary');
  });
});

test('a refused sts:TagSession says so, and that dropping session-tags is the other way out', async () => {
  server.configureRole(roleArn('no-tags'), { denyTagSession: true });
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': roleArn('no-tags'),
      'session-tags': 'team=platform',
    });
    const error = assertFailed(step);
    assert.match(
      error,
      /^hop 1 of 1 \(AssumeRole arn:aws:iam::111111111111:role\/no-tags\) failed: AccessDenied/,
    );
    assert.match(
      error,
      /Fix: session tags need sts:TagSession in the trust policy of .*role\/no-tags.* or drop session-tags/,
    );
    assert.ok(error.includes(`caller: ${server.identities.user.arn}`), error);
    // Not retried; the keys' owner is asked once, on this failure path, so the message names the caller.
    assert.deepEqual(
      stsCalls(step.requests).map((call) => call.action),
      ['AssumeRole', 'GetCallerIdentity'],
    );
  });
});

// trust-doctor.test.ts keeps this family in `npm test`: a token refused by its sub condition, claims printed.
for (const source of ['oidc', 'web-identity'] as const) {
  deepTest(
    `the ${source} token refused by the trust policy's sub condition: prints iss, sub, aud and the condition to match`,
    async () => {
      const role = roleArn(`wrong-sub-${source}`);
      server.configureRole(role, { webIdentitySubject: 'repo:octo-org/octo-repo:environment:prod' });
      const subject = source === 'oidc' ? GITHUB_SUBJECT : 'system:serviceaccount:apps:deployer';
      await withJob(jobEnv(server, oidcEnv(server)), async (job) => {
        const tokenFile = join(job.runnerTemp, 'token');
        await writeFile(tokenFile, server.mintIdToken({ sub: subject }));
        const step = await runStep(server, job, {
          source,
          'role-arn': role,
          ...(source === 'web-identity' ? { 'web-identity-token-file': tokenFile } : {}),
        });
        const error = assertFailed(step);
        assert.match(
          error,
          new RegExp(`^hop 1 of 1 \\(AssumeRoleWithWebIdentity ${role}\\) failed: AccessDenied`),
        );
        assert.ok(
          error.includes(
            `token claims: iss="https://token.actions.githubusercontent.com" sub="${subject}" aud="sts.amazonaws.com"`,
          ),
          error,
        );
        assert.ok(error.includes(`"token.actions.githubusercontent.com:sub":`), error);
        assert.ok(error.includes(subject), error);
        assert.ok(error.includes('"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"'), error);
        assert.ok(
          error.includes(
            'Federated principal arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com',
          ),
          error,
        );
        assert.equal(stsCalls(step.requests).length, 1, 'a refusal is not retried with a fresh token');
      });
    },
  );
}

test('ExpiredToken on source keys says the session token given as input expired, whose it is, and is not retried', async () => {
  // Sessions on this server live 300 ms, so the keys expire between being issued and being used.
  const expiring = await startAwsTestServer({ sessionLifetimeMs: 300 });
  try {
    const keys = await agentSession(expiring);
    await sleep(400);
    // A hop and the credential check name the expired keys alike: `npm test` runs the hop.
    const roleInputs = rowsFor<Record<string, string>>([{ 'role-arn': roleArn('after-expiry') }, {}]);
    for (const roleInput of roleInputs) {
      await withJob(jobEnv(expiring), async (job) => {
        const step = await runStep(expiring, job, {
          source: 'keys',
          'aws-access-key-id': keys.accessKeyId,
          'aws-secret-access-key': keys.secretAccessKey,
          'aws-session-token': keys.sessionToken ?? '',
          ...roleInput,
        });
        const error = assertFailed(step);
        const where =
          'role-arn' in roleInput ? 'hop 1 of 1 (AssumeRole' : 'credential check (GetCallerIdentity';
        assert.ok(error.startsWith(`${where}`), error);
        assert.match(error, /failed: ExpiredToken/);
        assert.ok(
          error.includes(
            `Fix: the credentials from source 'keys' (access key ****${keys.accessKeyId.slice(-4)} from the key inputs) have expired`,
          ),
          error,
        );
        assert.ok(error.includes('aws-session-token is no longer valid'), error);
        assert.deepEqual(
          stsCalls(step.requests).map((call) => call.errorCode),
          ['ExpiredToken'],
        );
      });
    }
  } finally {
    await expiring.close();
  }
});

test('auto with no source lists everything it tried with the fix for each, including id-token: write', async () => {
  const port = await closedPort();
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(
      server,
      job,
      { 'role-arn': roleArn('nowhere') },
      { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}` },
    );
    const error = assertFailed(step);
    assert.match(error, /^Source 'auto': no source of credentials was found\. Tried:/);
    const tried = error.split('\n').filter((line) => line.startsWith('  - '));
    assert.deepEqual(
      tried.map((line) => line.slice(4).split(':')[0]),
      ['keys', 'oidc', 'web-identity', 'container', 'env', 'imds'],
    );
    assert.ok(error.includes("add 'permissions: id-token: write' to the job"), error);
    assert.ok(error.includes('set web-identity-token-file or AWS_WEB_IDENTITY_TOKEN_FILE'), error);
    assert.ok(error.includes('no EC2 instance metadata service answered'), error);
    assert.deepEqual(step.requests, []);
  });
});

test('allowed-account-ids that does not list the final account fails, exporting nothing', async () => {
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': roleArn('other-account'),
      'allowed-account-ids': '222222222222, 333333333333',
      'output-credentials': 'true',
    });
    const error = assertFailed(step);
    assert.match(
      error,
      /^Input 'allowed-account-ids': the credentials obtained are for account 111111111111, which is not in the list/,
    );
    assert.match(error, /nothing was exported/);
    assert.equal(step.main.files.env, '', 'GITHUB_ENV is untouched');
    assert.equal(step.main.files.output, '', 'GITHUB_OUTPUT is untouched');
  });
});

// Bad inputs: the rules are the unit table's (__tests__/settings/bad-inputs.test.ts), and one row per path
// runs end to end in __tests__/reliability-e2e/bad-inputs.test.ts.
test('the failure summary shows a quoted input value as text, not as HTML', async () => {
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, { source: 'keys', 'session-name': '<img src=x>' });
    const error = assertFailed(step);
    assert.ok(error.includes('<img src=x>'), error);
    assert.ok(step.main.summary.includes('&#60;img src=x&#62;'), step.main.summary);
    assert.ok(!step.main.summary.includes('<img'), step.main.summary);
  });
});
