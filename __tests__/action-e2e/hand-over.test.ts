// What a successful step hands over besides the exported keys: masked account ids and ARNs, credential
// outputs only when asked, and the region as both AWS_REGION and AWS_DEFAULT_REGION.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  ACCOUNT_ID,
  assertFailed,
  assertSucceeded,
  deepTest,
  INSTANCE_SESSION,
  imdsEnv,
  jobEnv,
  roleArn,
  rowsFor,
  runStep,
  type StepRun,
  sessionArn,
  startAwsTestServer,
  withJob,
} from '../../testing/e2e/index.ts';
import { assertMaskedBeforeMention, defaultSessionName, exportedKeys } from './support/credentials.ts';

const CREDENTIAL_OUTPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'];

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

/**
 * Keys and one role, nothing else asked and nothing in the env: the tests of what a step hands over by
 * default all read this one run, made by the first of them to ask.
 */
let plainRun: Promise<{ step: StepRun; arn: string }> | undefined;
const plainStep = () => {
  plainRun ??= withJob(jobEnv(server), async (job) => ({
    step: await runStep(server, job, { ...keyInputs(), 'role-arn': roleArn('plain') }),
    arn: sessionArn('plain', defaultSessionName(job)),
  }));
  return plainRun;
};

test('mask-account-id masks the account id and the final ARN before anything mentions them', async () => {
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(
      server,
      job,
      {
        ...keyInputs(),
        'role-arn': `${roleArn('masked-a')} -> ${roleArn('masked-b')}`,
        'mask-account-id': 'true',
      },
      { RUNNER_DEBUG: '1' },
    );
    assertSucceeded(step);
    const finalArn = sessionArn('masked-b', defaultSessionName(job));
    assert.equal(step.main.outputs.arn, finalArn);
    assertMaskedBeforeMention(step.main, [ACCOUNT_ID, finalArn]);
    for (const value of [ACCOUNT_ID, finalArn]) {
      assert.ok(!step.main.summary.includes(value), `the summary shows ${value}`);
      assert.ok(!step.main.stderr.includes(value), `stderr shows ${value}`);
    }
  });
});

// The role ARNs' accounts are masked before any call on success and failure alike: the chain above proves it.
deepTest('mask-account-id masks the account id before a failed hop’s diagnosis names it', async () => {
  server.configureRole(roleArn('masked-denied'), { denyCallers: 'all' });
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': `${roleArn('masked-ok')} -> ${roleArn('masked-denied')}`,
      'mask-account-id': 'true',
    });
    assertFailed(step);
    assertMaskedBeforeMention(step.main, [ACCOUNT_ID]);
  });
});

// The final identity's account and ARN are masked on one path, role or not: the chain above proves it.
deepTest(
  'mask-account-id with no role: the account learned from GetCallerIdentity is masked before it is printed',
  async () => {
    await withJob(jobEnv(server, imdsEnv(server)), async (job) => {
      const step = await runStep(
        server,
        job,
        { source: 'imds', 'mask-account-id': 'true' },
        { RUNNER_DEBUG: '1' },
      );
      assertSucceeded(step);
      assert.equal(step.main.outputs.arn, INSTANCE_SESSION);
      assertMaskedBeforeMention(step.main, [ACCOUNT_ID, INSTANCE_SESSION]);
      assert.ok(!step.main.summary.includes(ACCOUNT_ID));
    });
  },
);

test('without mask-account-id neither the account id nor the ARN is masked, and the summary shows them', async () => {
  const { step, arn } = await plainStep();
  assertSucceeded(step);
  assert.ok(!step.main.masks.includes(ACCOUNT_ID));
  assert.ok(!step.main.masks.includes(arn));
  assert.ok(step.main.summary.includes(arn));
});

test('output-credentials sets the credential outputs to exactly what is exported', async () => {
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, {
      ...keyInputs(),
      'role-arn': roleArn('outputs'),
      'output-credentials': 'true',
    });
    assertSucceeded(step);
    const keys = exportedKeys(step.main);
    assert.deepEqual(
      CREDENTIAL_OUTPUTS.map((name) => step.main.outputs[name]),
      [keys.accessKeyId, keys.secretAccessKey, keys.sessionToken],
    );
    assert.equal(step.main.outputs['aws-account-id'], ACCOUNT_ID);
    assert.equal(step.main.outputs.expiration, step.main.exported.AWS_CREDENTIAL_EXPIRATION);
  });
});

test('without output-credentials no credential is a step output', async () => {
  const { step } = await plainStep();
  assertSucceeded(step);
  assert.deepEqual(Object.keys(step.main.outputs).sort(), ['arn', 'aws-account-id', 'expiration']);
  const keys = exportedKeys(step.main);
  for (const secret of [keys.accessKeyId, keys.secretAccessKey, keys.sessionToken ?? '']) {
    assert.ok(!step.main.files.output.includes(secret), 'a credential is in GITHUB_OUTPUT');
  }
});

test('output-credentials with long-term keys and no role: key outputs, and no session token output', async () => {
  await withJob(jobEnv(server), async (job) => {
    const step = await runStep(server, job, { ...keyInputs(), 'output-credentials': 'true' });
    assertSucceeded(step);
    assert.equal(step.main.outputs['aws-access-key-id'], server.identities.user.accessKeyId);
    assert.equal(step.main.outputs['aws-secret-access-key'], server.identities.user.secretAccessKey);
    assert.equal(step.main.outputs['aws-session-token'], undefined);
    assert.equal(step.main.exported.AWS_SESSION_TOKEN, '', 'an earlier token is overwritten, not paired');
  });
});

const REGION_CASES: {
  name: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
  region?: string;
}[] = [
  { name: 'the region input', inputs: { region: 'eu-central-1' }, env: {}, region: 'eu-central-1' },
  {
    name: 'AWS_DEFAULT_REGION alone',
    inputs: {},
    env: { AWS_DEFAULT_REGION: 'ap-south-1' },
    region: 'ap-south-1',
  },
  { name: 'no region at all', inputs: {}, env: {} },
];

// Where the region comes from is a rule (__tests__/settings/input-values.test.ts); here the export, and its absence.
for (const regionCase of rowsFor(REGION_CASES, (row) => row.name !== 'AWS_DEFAULT_REGION alone')) {
  test(`region from ${regionCase.name}: ${regionCase.region ? 'exported as AWS_REGION and AWS_DEFAULT_REGION' : 'nothing exported'}`, async () => {
    const given = Object.keys(regionCase.inputs).length + Object.keys(regionCase.env).length > 0;
    const step = given
      ? await withJob(jobEnv(server), (job) =>
          runStep(
            server,
            job,
            { ...keyInputs(), 'role-arn': roleArn('regional'), ...regionCase.inputs },
            regionCase.env,
          ),
        )
      : (await plainStep()).step;
    assertSucceeded(step);
    assert.equal(step.main.exported.AWS_REGION, regionCase.region);
    assert.equal(step.main.exported.AWS_DEFAULT_REGION, regionCase.region);
  });
}

test('a job-wide AWS_PROFILE draws one warning naming the families it takes off the exported keys', async () => {
  await withJob(jobEnv(server), async (job) => {
    const withProfile = await runStep(
      server,
      job,
      { ...keyInputs(), 'role-arn': roleArn('warned') },
      {
        AWS_PROFILE: 'team',
      },
    );
    assertSucceeded(withProfile);
    const warnings = withProfile.main.commands.filter((command) => command.name === 'warning');
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]?.message ?? '',
      /^AWS_PROFILE="team" takes later steps off the exported keys: .*JS SDK v3.*Fix: remove AWS_PROFILE/,
    );
  });
  const without = (await plainStep()).step;
  assertSucceeded(without);
  assert.equal(without.main.commands.filter((command) => command.name === 'warning').length, 0);
});
