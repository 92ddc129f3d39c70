// The chosen source is the only one used: ambient AWS_* keys, AWS_PROFILE and a ~/.aws default profile, all
// holding other valid keys, never sign a call, and a profile's credential_process never runs.
import assert from 'node:assert/strict';
import { access, chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer, LoggedRequest } from '../../testing/aws-test-server/index.ts';
import {
  assertSucceeded,
  containerEnv,
  INSTANCE_SESSION,
  imdsEnv,
  jobEnv,
  oidcEnv,
  roleArn,
  rowsFor,
  runStep,
  startAwsTestServer,
  stsCalls,
  withJob,
} from '../../testing/e2e/index.ts';
import type { Job } from '../../testing/runner-harness/index.ts';

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

interface Ambient {
  /** Step env with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_PROFILE. */
  env: Record<string, string>;
  /** Every planted key id: valid, so a call signed with one would succeed. */
  keyIds: string[];
  /** Created if the default profile's credential_process ever runs. */
  marker: string;
}

/** Valid keys everywhere the SDK's default chain looks: env, AWS_PROFILE, the default profile, a credential_process. */
async function plantAmbientCredentials(job: Job): Promise<Ambient> {
  const fromEnv = server.issueKeys('arn:aws:iam::111111111111:user/ambient-env');
  const fromDefault = server.issueKeys('arn:aws:iam::111111111111:user/ambient-default');
  const fromProcess = server.issueKeys('arn:aws:iam::111111111111:user/ambient-process');
  const awsDir = join(job.home, '.aws');
  await mkdir(awsDir, { recursive: true });
  const marker = join(job.dir, 'credential-process-ran');
  const script = join(job.dir, 'credential-process.sh');
  const processOutput = JSON.stringify({
    Version: 1,
    AccessKeyId: fromProcess.accessKeyId,
    SecretAccessKey: fromProcess.secretAccessKey,
  });
  await writeFile(script, `#!/bin/sh\ntouch '${marker}'\necho '${processOutput}'\n`);
  await chmod(script, 0o755);
  // The default profile has static keys; AWS_PROFILE names one whose credential_process would run.
  await writeFile(
    join(awsDir, 'credentials'),
    `[default]\naws_access_key_id = ${fromDefault.accessKeyId}\naws_secret_access_key = ${fromDefault.secretAccessKey}\n`,
  );
  await writeFile(
    join(awsDir, 'config'),
    `[default]\nregion = us-east-1\n\n[profile ambient]\nregion = us-east-1\ncredential_process = ${script}\n`,
  );
  return {
    marker,
    keyIds: [fromEnv.accessKeyId, fromDefault.accessKeyId, fromProcess.accessKeyId],
    env: {
      AWS_ACCESS_KEY_ID: fromEnv.accessKeyId,
      AWS_SECRET_ACCESS_KEY: fromEnv.secretAccessKey,
      AWS_PROFILE: 'ambient',
    },
  };
}

function assertNoAmbientKeyUsed(requests: readonly LoggedRequest[], ambient: Ambient): Promise<void> {
  const signedByAmbient = stsCalls(requests).filter((call) =>
    ambient.keyIds.includes(call.callerAccessKeyId ?? ''),
  );
  assert.deepEqual(signedByAmbient, [], 'a call was signed by ambient credentials');
  return access(ambient.marker).then(
    () => assert.fail('the ambient profile credential_process ran'),
    () => undefined,
  );
}

interface IsolationCase {
  name: string;
  inputs: () => Record<string, string>;
  env?: () => Record<string, string>;
  /** The first call's signer: an access key id, a caller ARN, or undefined for an unsigned call. */
  signer: () => { accessKeyId?: string; arn?: string | RegExp } | undefined;
  calls: string[];
}

const keyInputs = () => ({
  source: 'keys',
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
});

const CASES: IsolationCase[] = [
  {
    name: 'keys without a role',
    inputs: keyInputs,
    signer: () => ({ accessKeyId: server.identities.user.accessKeyId }),
    calls: ['GetCallerIdentity'],
  },
  {
    name: 'keys with a role',
    inputs: () => ({ ...keyInputs(), 'role-arn': roleArn('isolated') }),
    signer: () => ({ accessKeyId: server.identities.user.accessKeyId }),
    calls: ['AssumeRole'],
  },
  {
    name: 'oidc',
    inputs: () => ({ source: 'oidc', 'role-arn': roleArn('isolated') }),
    env: () => oidcEnv(server),
    signer: () => undefined,
    calls: ['AssumeRoleWithWebIdentity'],
  },
  {
    name: 'imds',
    inputs: () => ({ source: 'imds', 'role-arn': roleArn('isolated') }),
    env: () => imdsEnv(server),
    signer: () => ({ arn: INSTANCE_SESSION }),
    calls: ['AssumeRole'],
  },
  {
    name: 'container',
    inputs: () => ({ source: 'container', 'role-arn': roleArn('isolated') }),
    env: () => containerEnv(server),
    signer: () => ({ arn: /^arn:aws:sts::111111111111:assumed-role\/test-container-role\// }),
    calls: ['AssumeRole'],
  },
];

// Every source's calls go through one STS client maker: `npm test` runs the unsigned call, where a client
// left without credentials would fall back to the SDK's default chain and sign with the ambient keys.
for (const isolation of rowsFor(CASES, (row) => row.name === 'oidc')) {
  test(`source ${isolation.name}: only its credentials sign, whatever else the runner has`, {
    skip: skipOn.posixShell(),
  }, async () => {
    await withJob(jobEnv(server), async (job) => {
      const ambient = await plantAmbientCredentials(job);
      const step = await runStep(server, job, isolation.inputs(), { ...ambient.env, ...isolation.env?.() });
      assertSucceeded(step);
      const calls = stsCalls(step.requests);
      assert.deepEqual(
        calls.map((call) => call.action),
        isolation.calls,
      );
      const first = calls[0] as LoggedRequest;
      const signer = isolation.signer();
      if (signer === undefined) assert.equal(first.callerAccessKeyId, undefined, 'the call must be unsigned');
      if (signer?.accessKeyId) assert.equal(first.callerAccessKeyId, signer.accessKeyId);
      if (typeof signer?.arn === 'string') assert.equal(first.callerArn, signer.arn);
      if (signer?.arn instanceof RegExp) assert.match(first.callerArn ?? '', signer.arn);
      await assertNoAmbientKeyUsed(step.requests, ambient);
      assert.ok(!ambient.keyIds.includes(step.main.exported.AWS_ACCESS_KEY_ID ?? ''));
    });
  });
}
