// `--source auto` (the default) at a terminal follows the AWS CLI's order: keys in the environment, then
// AWS_PROFILE or the default profile, whatever kind of credentials it holds; proved against the test server.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FreshHome } from '../../testing/e2e/index.ts';
import { deepTest, NODE, runCli } from '../../testing/e2e/index.ts';
import { type FakeAws, ROLE_ARN, SESSION_NAME, withFakeAws } from './support/fake-aws.ts';

const PROFILE_ROLE = 'arn:aws:iam::333333333333:role/profile-role';

/** Shared files in the fresh HOME's own places, named by the variables, as a person's ~/.aws would be. */
async function sharedFiles(home: FreshHome, files: { config?: string; credentials?: string }) {
  const config = join(home.home, 'config');
  const credentials = join(home.home, 'credentials');
  await writeFile(config, files.config ?? '');
  await writeFile(credentials, files.credentials ?? '');
  return { ...home.env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
}

const keysOf = (aws: FakeAws) =>
  `aws_access_key_id = ${aws.server.identities.user.accessKeyId}\naws_secret_access_key = ${aws.server.identities.user.secretAccessKey}\n`;

/** An IAM Identity Center profile in the sso-session form `aws configure sso` writes. */
const SSO_CONFIG = (section: string) =>
  `[${section}]\nsso_session = corp\nsso_account_id = 444444444444\nsso_role_name = Dev\nregion = us-east-1\n` +
  '[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://example.awsapps.com/start\n';

/** What `aws sso login` leaves behind: the access token, cached under the SHA-1 of the session's name. */
async function ssoLogin(home: FreshHome, accessToken: string): Promise<void> {
  const dir = join(home.home, '.aws', 'sso', 'cache');
  await mkdir(dir, { recursive: true });
  const token = {
    accessToken,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    region: 'us-east-1',
    startUrl: 'https://example.awsapps.com/start',
  };
  await writeFile(
    join(dir, `${createHash('sha1').update('corp').digest('hex')}.json`),
    JSON.stringify(token),
  );
}

const roleArgs = (aws: FakeAws) => [
  '--role-arn',
  ROLE_ARN,
  '--session-name',
  SESSION_NAME,
  ...aws.stsArgs,
  '--format',
  'json',
  '-v',
];

// `npm test` runs one case per kind of profile (keys, credential_process, SSO, a role) and the failure that
// lists every fix; the deep tier adds the default profile's keys, the environment's precedence (also a unit
// test) and the other two failures.
describe('the automatic source at a terminal', { concurrency: true }, () => {
  test('AWS_PROFILE names a profile with keys: it starts the chain, and the log says why', () =>
    withFakeAws(async (aws, home) => {
      const env = {
        ...(await sharedFiles(home, { credentials: `[dev]\n${keysOf(aws)}` })),
        AWS_PROFILE: 'dev',
      };
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /source: profile \(AWS_PROFILE names profile "dev" holds access keys\)/);
      const [call, ...more] = aws.stsCalls('AssumeRole');
      assert.equal(more.length, 0);
      assert.equal(call?.callerArn, aws.server.identities.user.arn);
    }));

  deepTest('without AWS_PROFILE, keys in [default] of the credentials file start the chain', () =>
    withFakeAws(async (aws, home) => {
      const env = await sharedFiles(home, { credentials: `[default]\n${keysOf(aws)}` });
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /source: profile \(AWS_PROFILE is not set, and the default profile holds access keys\)/,
      );
      assert.equal(aws.stsCalls('AssumeRole')[0]?.callerArn, aws.server.identities.user.arn);
    }),
  );

  test('a default profile with a credential_process is run by the SDK', () =>
    withFakeAws(async (aws, home) => {
      const { user } = aws.server.identities;
      const script = join(home.home, 'creds.mjs');
      const document = { Version: 1, AccessKeyId: user.accessKeyId, SecretAccessKey: user.secretAccessKey };
      await writeFile(script, `process.stdout.write(${JSON.stringify(JSON.stringify(document))});\n`);
      await chmod(script, 0o700);
      const env = await sharedFiles(home, {
        config: `[default]\ncredential_process = "${NODE}" "${script}"\n`,
      });
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /source: profile \(AWS_PROFILE is not set, and the default profile holds a credential_process\)/,
      );
      assert.equal(aws.stsCalls('AssumeRole')[0]?.callerArn, user.arn);
    }));

  test('an SSO profile, logged in with aws sso login, gets its role credentials from the portal', () =>
    withFakeAws(async (aws, home) => {
      await ssoLogin(home, aws.server.sso.accessToken);
      const env = {
        ...(await sharedFiles(home, { config: SSO_CONFIG('default') })),
        AWS_ENDPOINT_URL_SSO: aws.server.sso.endpoint,
      };
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /source: profile \(AWS_PROFILE is not set, and the default profile holds an SSO login/,
      );
      assert.equal(aws.server.requests.filter((request) => request.target === 'sso').length, 1);
      assert.match(
        aws.stsCalls('AssumeRole')[0]?.callerArn ?? '',
        /^arn:aws:sts::444444444444:assumed-role\/AWSReservedSSO_Dev_/,
      );
    }));

  deepTest('an SSO profile without a cached login fails as a source, saying to run aws sso login', () =>
    withFakeAws(async (aws, home) => {
      const env = {
        ...(await sharedFiles(home, { config: SSO_CONFIG('profile work') })),
        AWS_PROFILE: 'work',
        AWS_ENDPOINT_URL_SSO: aws.server.sso.endpoint,
      };
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 3, result.stderr);
      assert.match(result.stderr, /aws sso login --profile work/);
      assert.equal(aws.stsCalls('AssumeRole').length, 0);
    }),
  );

  test('a profile with role_arn and source_profile: the SDK assumes it, then the chain goes on', () =>
    withFakeAws(async (aws, home) => {
      const env = {
        ...(await sharedFiles(home, {
          config: `[profile dev]\nrole_arn = ${PROFILE_ROLE}\nsource_profile = base\nregion = us-east-1\n`,
          credentials: `[base]\n${keysOf(aws)}`,
        })),
        AWS_PROFILE: 'dev',
        AWS_ENDPOINT_URL_STS: aws.server.stsEndpoint,
      };
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /holds a role to assume \(role_arn with source_profile\)/);
      const calls = aws.stsCalls('AssumeRole');
      assert.deepEqual(
        calls.map((call) => call.params.RoleArn),
        [PROFILE_ROLE, ROLE_ARN],
      );
      assert.match(calls[1]?.callerArn ?? '', /^arn:aws:sts::333333333333:assumed-role\/profile-role\//);
    }));

  deepTest('keys in the environment come before AWS_PROFILE, as in the AWS CLI', () =>
    withFakeAws(async (aws, home) => {
      const env = {
        ...(await sharedFiles(home, {
          credentials: '[dev]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = x\n',
        })),
        ...aws.userEnv,
        AWS_PROFILE: 'dev',
      };
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stderr,
        /source: env \(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are in the environment\)/,
      );
    }),
  );

  deepTest(
    'AWS_PROFILE naming a profile that does not exist fails as a source, saying how to create it',
    () =>
      withFakeAws(async (aws, home) => {
        const env = { ...(await sharedFiles(home, {})), AWS_PROFILE: 'nope' };
        const result = await runCli(roleArgs(aws), env);
        assert.equal(result.code, 3);
        assert.match(result.stderr, /AWS_PROFILE names profile "nope", which is in neither/);
        assert.match(result.stderr, /aws configure --profile/);
        assert.equal(aws.stsCalls('AssumeRole').length, 0);
      }),
  );

  test('with nothing found, it lists what was tried and the fix for each, in CLI terms', () =>
    withFakeAws(async (aws, home) => {
      const env = await sharedFiles(home, { config: '[default]\nregion = eu-west-1\n' });
      const result = await runCli(roleArgs(aws), env);
      assert.equal(result.code, 3);
      for (const words of ['--source-profile', 'aws configure', 'aws sso login', '--role-arn', 'AWS_PROFILE'])
        assert.ok(result.stderr.includes(words), `mentions ${words}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /permissions: id-token|aws-access-key-id|role-arn:/);
    }));
});
