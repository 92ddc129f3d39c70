// The CLI's --source roles-anywhere with the certificate and key as files, or the key in a variable:
// one CreateSession, then one AssumeRole per further role, and the key nowhere in the output.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseActionSettings } from '../../src/action/action-settings.ts';
import { refreshCommand } from '../../src/action/refresh-command.ts';
import {
  issueTestCertificate,
  newTestPki,
  type TestCertificate,
} from '../../testing/aws-test-server/test-pki.ts';
import { CLI, deepTest, NODE, runCli, runProcess, secretsIn } from '../../testing/e2e/index.ts';
import { type FakeAws, ROLE_ARN, withFakeAws } from './support/fake-aws.ts';

let pki: ReturnType<typeof newTestPki>;
let leaf: TestCertificate;
before(() => {
  pki = newTestPki();
  leaf = issueTestCertificate({ subject: '/CN=laptop', keyType: 'p384' }, pki.intermediate);
});

const FIRST_ROLE = 'arn:aws:iam::111111111111:role/onprem';
const keyLines = () =>
  leaf.keyPem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));

function raArgs(aws: FakeAws): string[] {
  const { trustAnchorArn, profileArn } = aws.server.addTrustAnchor(pki.root.certificatePem, {
    region: 'eu-west-1',
  });
  return ['--source', 'roles-anywhere', '--trust-anchor-arn', trustAnchorArn, '--profile-arn', profileArn];
}

describe('CLI --source roles-anywhere', { concurrency: true }, () => {
  test('reads --certificate and --private-key files; one CreateSession, then one AssumeRole', () =>
    withFakeAws(async (aws, home) => {
      const certificate = join(home.home, 'runner.pem');
      const key = join(home.home, 'runner.key');
      await writeFile(certificate, `${leaf.certificatePem}${pki.intermediate.certificatePem}`);
      await writeFile(key, leaf.keyPem, { mode: 0o600 });
      const env = { ...home.env, AWS_ENDPOINT_URL_ROLESANYWHERE: aws.server.url };
      const args = [...raArgs(aws), '--certificate', certificate, '--private-key', key];
      const roles = ['--role-arn', FIRST_ROLE, '--role-arn', ROLE_ARN];
      const sts = ['--sts-endpoint', aws.server.stsEndpoint, '--region', 'us-east-1'];
      const result = await runCli([...args, ...roles, ...sts, '--format', 'json', '-v'], env);
      assert.equal(result.code, 0, result.stderr);
      const sessions = aws.server.requests.filter((request) => request.target === 'rolesanywhere');
      assert.deepEqual(
        sessions.map((request) => request.params.roleArn),
        [FIRST_ROLE],
      );
      const [call, ...more] = aws.stsCalls('AssumeRole');
      assert.deepEqual(more, []);
      assert.equal(call?.params.RoleArn, ROLE_ARN);
      assert.match(call?.callerArn ?? '', /assumed-role\/onprem\//);
      assert.match(result.stderr, /source: roles-anywhere/);
      assert.deepEqual(secretsIn(result.stderr, keyLines()), [], 'the verbose log shows no secret');
      assert.ok(!keyLines().some((line) => result.stdout.includes(line)), 'the key is not in the output');
    }));

  // The same CreateSession as the key file above, with the key read from the environment instead.
  deepTest('takes the key from ASSUME_AWS_ROLE_PRIVATE_KEY', () =>
    withFakeAws(async (aws, home) => {
      const certificate = join(home.home, 'runner.pem');
      await writeFile(certificate, `${leaf.certificatePem}${pki.intermediate.certificatePem}`);
      const env = {
        ...home.env,
        AWS_ENDPOINT_URL_ROLESANYWHERE: aws.server.url,
        ASSUME_AWS_ROLE_PRIVATE_KEY: leaf.keyPem,
      };
      const args = [
        ...raArgs(aws),
        '--certificate',
        certificate,
        '--role-arn',
        FIRST_ROLE,
        '--format',
        'json',
      ];
      const result = await runCli(args, env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(JSON.parse(result.stdout).SessionToken, /.+/);
      assert.deepEqual(aws.stsCalls('AssumeRole'), []);
      assert.deepEqual(aws.stsCalls('GetCallerIdentity'), []);
    }),
  );

  // The key check itself is a unit test (certificate-checks).
  deepTest('refuses a key file that is not the certificate’s before any request, exit 2', () =>
    withFakeAws(async (aws, home) => {
      const certificate = join(home.home, 'runner.pem');
      const key = join(home.home, 'other.key');
      await writeFile(certificate, leaf.certificatePem);
      await writeFile(key, pki.root.keyPem, { mode: 0o600 });
      const env = { ...home.env, AWS_ENDPOINT_URL_ROLESANYWHERE: aws.server.url };
      const args = [
        ...raArgs(aws),
        '--certificate',
        certificate,
        '--private-key',
        key,
        '--role-arn',
        FIRST_ROLE,
      ];
      const result = await runCli(args, env);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /private-key/);
      assert.deepEqual(
        aws.server.requests.filter((request) => request.target !== 'control'),
        [],
      );
    }),
  );

  test('the refreshing profile the action writes for key files runs CreateSession again, without the key on its command line', () =>
    withFakeAws(async (aws, home) => {
      const certificate = join(home.home, 'runner.pem');
      const key = join(home.home, 'runner.key');
      await writeFile(certificate, `${leaf.certificatePem}${pki.intermediate.certificatePem}`);
      await writeFile(key, leaf.keyPem, { mode: 0o600 });
      const { trustAnchorArn, profileArn } = aws.server.addTrustAnchor(pki.root.certificatePem);
      const inputs: Record<string, string> = {
        source: 'roles-anywhere',
        certificate,
        'private-key': key,
        'trust-anchor-arn': trustAnchorArn,
        'profile-arn': profileArn,
        'role-arn': FIRST_ROLE,
        refresh: 'true',
        profile: 'p',
      };
      const settings = parseActionSettings(
        (name) => inputs[name] ?? '',
        {},
        { defaultSessionName: 'unused' },
      );
      const runtime = { nodePath: NODE, cliPath: CLI, source: 'roles-anywhere', platform: process.platform };
      const { line } = refreshCommand(settings, { name: 'p', roleArns: [] }, runtime);
      assert.ok(!keyLines().some((keyLine) => line.includes(keyLine)));
      assert.doesNotMatch(line, /--session-name/, 'no session name was given, so CreateSession gets none');
      const env = { ...home.env, AWS_ENDPOINT_URL_ROLESANYWHERE: aws.server.url };
      const result = await runProcess('/bin/sh', ['-c', line], env);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).Version, 1);
      assert.equal(aws.server.requests.filter((request) => request.target === 'rolesanywhere').length, 1);
    }));

  test('the action refuses refresh when the key is inline', () => {
    const inputs: Record<string, string> = {
      source: 'roles-anywhere',
      certificate: leaf.certificatePem,
      'private-key': leaf.keyPem,
      'trust-anchor-arn': 'arn:aws:rolesanywhere:us-east-1:111111111111:trust-anchor/a',
      'profile-arn': 'arn:aws:rolesanywhere:us-east-1:111111111111:profile/b',
      'role-arn': FIRST_ROLE,
      refresh: 'true',
      profile: 'p',
    };
    assert.throws(
      () => parseActionSettings((name) => inputs[name] ?? '', {}, { defaultSessionName: 'unused' }),
      /Input 'refresh'.*never writes a key to disk/,
    );
  });
});
