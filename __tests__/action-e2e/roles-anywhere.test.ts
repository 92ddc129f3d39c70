// source: roles-anywhere through the built dist/ against the test server: one CreateSession per run, then
// one STS call per further hop; refusals before any request; the key never shown or written, debug on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AwsTestServer, LoggedRequest } from '../../testing/aws-test-server/index.ts';
import {
  issueTestCertificate,
  newTestPki,
  type TestCertificate,
} from '../../testing/aws-test-server/test-pki.ts';
import {
  ACCOUNT_ID,
  assertFailed,
  assertSucceeded,
  deepTest,
  jobEnv,
  roleArn,
  runStep,
  startAwsTestServer,
  stsCalls,
  withJob,
} from '../../testing/e2e/index.ts';
import { assertNoLeaks } from '../reliability-e2e/support/leak-check.ts';
import { type Botocore, startBotocore } from './support/botocore.ts';
import { exportedKeys, maskedKeys } from './support/credentials.ts';

const FIRST_ROLE = roleArn('onprem-deploy');
let server: AwsTestServer;
let botocore: Botocore;
let pki: ReturnType<typeof newTestPki>;
let anchor: { trustAnchorArn: string; profileArn: string };
let rsaLeaf: TestCertificate;
let ecLeaf: TestCertificate;

before(async () => {
  [server, botocore] = await Promise.all([startAwsTestServer(), startBotocore()]);
  pki = newTestPki();
  anchor = server.addTrustAnchor(pki.root.certificatePem, { region: 'eu-west-1' });
  rsaLeaf = issueTestCertificate({ subject: '/CN=runner-rsa', keyType: 'rsa' }, pki.root);
  ecLeaf = issueTestCertificate({ subject: '/CN=runner-ec', keyType: 'p256' }, pki.intermediate);
});
after(() => Promise.all([server.close(), botocore.close()]));

const env = () => ({ AWS_ENDPOINT_URL_ROLESANYWHERE: server.url });
const inputs = (leaf: TestCertificate, extra: Record<string, string> = {}) => ({
  source: 'roles-anywhere',
  certificate: leaf.certificatePem,
  'private-key': leaf.keyPem,
  'trust-anchor-arn': anchor.trustAnchorArn,
  'profile-arn': anchor.profileArn,
  'role-arn': FIRST_ROLE,
  ...extra,
});
const createSessions = (requests: readonly LoggedRequest[]) =>
  requests.filter((request) => request.target === 'rolesanywhere');
/** The key's body lines, each masked on its own; the short last line is no secret worth checking. */
const keyLines = (leaf: TestCertificate) =>
  leaf.keyPem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));

test('an RSA key and one role: exactly one CreateSession, no STS call, the session exported', async () => {
  await withJob(jobEnv(server, env()), async (job) => {
    const step = await runStep(server, job, inputs(rsaLeaf));
    assertSucceeded(step);
    assert.deepEqual(stsCalls(step.requests), []);
    const [call, ...more] = createSessions(step.requests);
    assert.deepEqual(more, []);
    assert.deepEqual(call?.params, {
      trustAnchorArn: anchor.trustAnchorArn,
      profileArn: anchor.profileArn,
      roleArn: FIRST_ROLE,
      durationSeconds: '3600',
    });
    const arn = step.main.outputs.arn ?? '';
    assert.match(arn, new RegExp(`^arn:aws:sts::${ACCOUNT_ID}:assumed-role/onprem-deploy/[0-9a-f]+$`));
    assert.equal(step.main.outputs['aws-account-id'], ACCOUNT_ID);
    assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [arn]);
  });
});

// An EC key, an intermediate and a chain also run in `npm test`, in the debug case below.
deepTest(
  'an EC key with an intermediate, then a role chain: one CreateSession, one AssumeRole capped at an hour',
  async () => {
    const second = roleArn('onprem-target');
    await withJob(jobEnv(server, env()), async (job) => {
      const step = await runStep(
        server,
        job,
        inputs(ecLeaf, {
          certificate: `${ecLeaf.certificatePem}${pki.intermediate.certificatePem}`,
          'role-arn': `${FIRST_ROLE} -> ${second}`,
          duration: '2h',
        }),
      );
      assertSucceeded(step);
      assert.equal(createSessions(step.requests).length, 1);
      assert.equal(createSessions(step.requests)[0]?.params.durationSeconds, '7200');
      const calls = stsCalls(step.requests);
      assert.deepEqual(
        calls.map((call) => [call.action, call.params.RoleArn, call.params.DurationSeconds]),
        [['AssumeRole', second, '3600']],
      );
      assert.match(calls[0]?.callerArn ?? '', /assumed-role\/onprem-deploy\//);
      assert.match(step.main.outputs.arn ?? '', /assumed-role\/onprem-target\//);
    });
  },
);

deepTest('profiles from it: one CreateSession, then one AssumeRole per profile role', async () => {
  await withJob(jobEnv(server, env()), async (job) => {
    const step = await runStep(
      server,
      job,
      inputs(rsaLeaf, { profiles: `dev: ${roleArn('dev')}\nprod: ${roleArn('prod')}` }),
    );
    assertSucceeded(step);
    assert.equal(createSessions(step.requests).length, 1);
    assert.deepEqual(
      stsCalls(step.requests)
        .map((call) => call.params.RoleArn)
        .sort(),
      [roleArn('dev'), roleArn('prod')],
    );
    assert.match(step.main.outputs.profiles ?? '', /dev/);
  });
});

const refusals: [string, () => Record<string, string>, RegExp][] = [
  [
    'the wrong key',
    () => inputs(rsaLeaf, { 'private-key': ecLeaf.keyPem }),
    /Input 'private-key'.*does not belong/,
  ],
  [
    'an expired certificate',
    () => {
      const expired = issueTestCertificate({ subject: '/CN=old', days: -1 }, pki.root);
      return inputs(expired);
    },
    /Input 'certificate'.*expired/,
  ],
  [
    'a missing input',
    () => {
      const { 'profile-arn': _, ...rest } = inputs(rsaLeaf);
      return rest;
    },
    /Input 'profile-arn'.*required/,
  ],
];
// Each refusal is a rule of __tests__/roles-anywhere/certificate-checks.test.ts and inputs.test.ts; a bad
// input failing before any request runs in `npm test` in __tests__/reliability-e2e/bad-inputs.test.ts.
for (const [name, given, problem] of refusals) {
  deepTest(`refuses ${name} before any request`, async () => {
    await withJob(jobEnv(server, env()), async (job) => {
      const step = await runStep(server, job, given());
      assert.match(assertFailed(step), problem);
      assert.deepEqual(step.requests, []);
    });
  });
}

test('a certificate from another CA is denied with the diagnosis', async () => {
  const stranger = issueTestCertificate({ subject: '/CN=stranger' }, newTestPki().root);
  await withJob(jobEnv(server, env()), async (job) => {
    const step = await runStep(server, job, inputs(stranger));
    const error = assertFailed(step);
    for (const expected of [
      'AccessDeniedException',
      anchor.trustAnchorArn,
      anchor.profileArn,
      FIRST_ROLE,
      'rolesanywhere.amazonaws.com',
      'sts:SetSourceIdentity',
      'CN=stranger',
    ])
      assert.ok(error.includes(expected), `missing ${expected} in ${error}`);
    assert.equal(createSessions(step.requests).length, 1);
  });
});

test('with debug on, the key is masked line by line and shown nowhere: output, summary, state or any file', async () => {
  const passphrase = 'a passphrase of some length';
  const encrypted = ecLeaf.key
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    .toString();
  await withJob(jobEnv(server, { ...env(), RUNNER_DEBUG: '1' }), async (job) => {
    const step = await runStep(
      server,
      job,
      inputs(ecLeaf, {
        certificate: `${ecLeaf.certificatePem}${pki.intermediate.certificatePem}`,
        'private-key': encrypted,
        'private-key-passphrase': passphrase,
        'role-arn': `${FIRST_ROLE} -> ${roleArn('after')}`,
        profile: 'ra',
      }),
    );
    assertSucceeded(step);
    const session = maskedKeys(step.main).flatMap((keys) => [keys.secretAccessKey, keys.sessionToken ?? '']);
    const encryptedLines = encrypted
      .split('\n')
      .filter((line) => line.length >= 16 && !line.startsWith('-----'));
    await assertNoLeaks(job, [step.main, ...(step.post ? [step.post] : [])], {
      secrets: [...encryptedLines, passphrase, ...session.filter(Boolean)],
      ambient: keyLines(ecLeaf), // the decrypted key: never given, never to be shown
      allowedFiles: [`${job.home}/.aws/credentials`],
    });
  });
});
