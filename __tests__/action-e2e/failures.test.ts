// Each failure class, through the built dist/: the step fails in well under 5 s with exit code 1, hands
// nothing over, and its one ::error:: is the diagnosis with the fix.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import { type Botocore, startBotocore } from './support/botocore.ts';
import {
  assertFailedFast,
  containerEnv,
  defaultSessionName,
  imdsEnv,
  oidcEnv,
  roleArn,
  runStep,
  sessionArn,
  startServer,
  stsCalls,
  withJob,
} from './support/e2e.ts';

const GITHUB_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main';

let server: AwsTestServer;
let botocore: Botocore;
before(async () => {
  [server, botocore] = await Promise.all([startServer(), startBotocore()]);
});
after(() => Promise.all([server.close(), botocore.close()]));

const keyInputs = () => ({
  source: 'keys',
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
});

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
  await withJob(server, async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': [roleArn('deny-a'), roleArn('deny-b'), roleArn('deny-c')].join(' -> '),
    });
    const error = assertFailedFast(step);
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
  await withJob(server, async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': roleArn('no-tags'),
      'session-tags': 'team=platform',
    });
    const error = assertFailedFast(step);
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

for (const source of ['oidc', 'web-identity'] as const) {
  test(`the ${source} token refused by the trust policy's sub condition: prints iss, sub, aud and the condition to match`, async () => {
    const role = roleArn(`wrong-sub-${source}`);
    server.configureRole(role, { webIdentitySubject: 'repo:octo-org/octo-repo:environment:prod' });
    const subject = source === 'oidc' ? GITHUB_SUBJECT : 'system:serviceaccount:apps:deployer';
    await withJob(
      server,
      async (job) => {
        const tokenFile = join(job.runnerTemp, 'token');
        await writeFile(tokenFile, server.mintIdToken({ sub: subject }));
        const step = await runStep(server, job, {
          source,
          'role-arn': role,
          ...(source === 'web-identity' ? { 'web-identity-token-file': tokenFile } : {}),
        });
        const error = assertFailedFast(step);
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
      },
      oidcEnv(server),
    );
  });
}

test('ExpiredToken on source keys says the session token given as input expired, whose it is, and is not retried', async () => {
  // Sessions on this server live 300 ms, so the keys expire between being issued and being used.
  const expiring = await startServer({ sessionLifetimeMs: 300 });
  try {
    const keys = await botocore.assumeRole(expiring, expiring.identities.user, {
      RoleArn: roleArn('short-lived'),
      RoleSessionName: 'short-lived',
    });
    await sleep(400);
    const roleInputs: Record<string, string>[] = [{ 'role-arn': roleArn('after-expiry') }, {}];
    for (const roleInput of roleInputs) {
      await withJob(expiring, async (job) => {
        const step = await runStep(expiring, job, {
          source: 'keys',
          'aws-access-key-id': keys.accessKeyId,
          'aws-secret-access-key': keys.secretAccessKey,
          'aws-session-token': keys.sessionToken ?? '',
          ...roleInput,
        });
        const error = assertFailedFast(step);
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
  await withJob(server, async (job) => {
    const step = await runStep(
      server,
      job,
      { 'role-arn': roleArn('nowhere') },
      { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}` },
    );
    const error = assertFailedFast(step);
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
  await withJob(server, async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': roleArn('other-account'),
      'allowed-account-ids': '222222222222, 333333333333',
      'output-credentials': 'true',
    });
    const error = assertFailedFast(step);
    assert.match(
      error,
      /^Input 'allowed-account-ids': the credentials obtained are for account 111111111111, which is not in the list/,
    );
    assert.match(error, /nothing was exported/);
    assert.equal(step.main.files.env, '', 'GITHUB_ENV is untouched');
    assert.equal(step.main.files.output, '', 'GITHUB_OUTPUT is untouched');
  });
});

/** Inputs the action must refuse before its first network call; each row names the input it blames. */
const BAD_INPUTS: { name: string; input: string; inputs: Record<string, string> }[] = [
  { name: 'an unknown source', input: 'source', inputs: { source: 'magic' } },
  {
    name: 'a role ARN with a short account id',
    input: 'role-arn',
    inputs: { 'role-arn': 'arn:aws:iam::1234:role/x' },
  },
  {
    name: 'an empty hop in a chain',
    input: 'role-arn',
    inputs: { 'role-arn': `${roleArn('a')} -> -> ${roleArn('b')}` },
  },
  { name: 'a duration over 12 hours', input: 'duration', inputs: { duration: '13h' } },
  { name: 'a duration that is not one', input: 'duration', inputs: { duration: 'soon' } },
  { name: 'a session name with a space', input: 'session-name', inputs: { 'session-name': 'has space' } },
  { name: 'a region that is not one', input: 'region', inputs: { region: 'moon-1 ' } },
  {
    name: 'a session tag without a value separator',
    input: 'session-tags',
    inputs: { 'session-tags': 'novalue' },
  },
  {
    name: 'a session tag with the aws: prefix',
    input: 'session-tags',
    inputs: { 'session-tags': 'aws:x=y' },
  },
  {
    name: 'a transitive key that is not a tag',
    input: 'transitive-tag-keys',
    inputs: { 'session-tags': 'a=b', 'transitive-tag-keys': 'c' },
  },
  {
    name: 'an inline policy that is not JSON',
    input: 'inline-session-policy',
    inputs: { 'inline-session-policy': '{not json' },
  },
  {
    name: 'eleven managed policies',
    input: 'managed-session-policies',
    inputs: {
      'managed-session-policies': Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`).join(
        '\n',
      ),
    },
  },
  { name: 'a one-character external id', input: 'external-id', inputs: { 'external-id': 'x' } },
  {
    name: 'an account id of three digits',
    input: 'allowed-account-ids',
    inputs: { 'allowed-account-ids': '123' },
  },
  { name: 'a flag that is not a boolean', input: 'mask-account-id', inputs: { 'mask-account-id': 'maybe' } },
  {
    name: 'an sts-endpoint that is not http',
    input: 'sts-endpoint',
    inputs: { 'sts-endpoint': 'ftp://sts.example' },
  },
  { name: 'source keys without keys', input: 'aws-access-key-id', inputs: { source: 'keys' } },
  {
    name: 'an access key id without its secret',
    input: 'aws-secret-access-key',
    inputs: { 'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE' },
  },
  {
    name: 'keys with source oidc',
    input: 'aws-access-key-id',
    inputs: {
      source: 'oidc',
      'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
      'aws-secret-access-key': 'x'.repeat(40),
    },
  },
];

for (const row of BAD_INPUTS) {
  test(`refuses ${row.name} before any network call, naming ${row.input}`, async () => {
    // Every source is reachable, so a network call made before the check would be in the log.
    const reachable = { ...oidcEnv(server), ...containerEnv(server), ...imdsEnv(server) };
    await withJob(
      server,
      async (job) => {
        const step = await runStep(server, job, { 'role-arn': roleArn('valid'), ...row.inputs });
        const error = assertFailedFast(step);
        assert.ok(error.startsWith(`Input '${row.input}': `), error);
        assert.deepEqual(step.requests, [], 'no request reached any endpoint');
      },
      reachable,
    );
  });
}

test('the failure summary shows a quoted input value as text, not as HTML', async () => {
  await withJob(server, async (job) => {
    const step = await runStep(server, job, { source: 'keys', 'session-name': '<img src=x>' });
    const error = assertFailedFast(step);
    assert.ok(error.includes('<img src=x>'), error);
    assert.ok(step.main.summary.includes('&#60;img src=x&#62;'), step.main.summary);
    assert.ok(!step.main.summary.includes('<img'), step.main.summary);
  });
});
