import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  CLI,
  deepTest,
  installed,
  NODE,
  runCli,
  runProcess,
  SCRIPT,
  secretsIn,
  shQuote,
} from '../../testing/e2e/index.ts';
import { ASSUMED_ARN, REGION, ROLE_ARN, SESSION_NAME, withFakeAws } from './support/fake-aws.ts';

const MFA_SERIAL = 'arn:aws:iam::111111111111:mfa/e2e';
/** A role assumed from the environment's keys with an MFA device. */
const MFA_ROLE_ARGS = ['--source', 'env', '--role-arn', ROLE_ARN, '--mfa-serial', MFA_SERIAL];

describe('sources and profiles', { concurrency: true }, () => {
  test('--source-profile starts from keys in the shared credentials file; -v explains it without a secret', () =>
    withFakeAws(async (aws, home) => {
      const { user } = aws.server.identities;
      const credentialsFile = join(home.home, 'credentials');
      await writeFile(
        credentialsFile,
        `[dev]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
      );
      const env = {
        ...home.env,
        AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
        AWS_CONFIG_FILE: join(home.home, 'none'),
      };
      const args = ['--source-profile', 'dev', '--role-arn', ROLE_ARN, '--session-name', SESSION_NAME];
      const result = await runCli([...args, ...aws.stsArgs, '--format', 'json', '-v'], env);

      assert.equal(result.code, 0, result.stderr);
      const [call, ...more] = aws.stsCalls('AssumeRole');
      assert.equal(more.length, 0);
      assert.equal(call?.callerArn, user.arn);
      assert.match(result.stderr, /source: profile/);
      const issued = JSON.parse(result.stdout);
      assert.deepEqual(
        secretsIn(result.stderr, [user.secretAccessKey, issued.SecretAccessKey, issued.SessionToken]),
        [],
      );
    }));

  test('--profile writes the shared files as the action does and prints nothing', () =>
    withFakeAws(async (aws, home) => {
      const env = { ...home.env, ...aws.userEnv };
      const args = [
        '--source',
        'env',
        '--role-arn',
        ROLE_ARN,
        '--session-name',
        SESSION_NAME,
        ...aws.stsArgs,
      ];
      const result = await runCli([...args, '--profile', 'deploy'], env);

      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(
        result.stderr,
        /^assume-aws-role: wrote profile deploy to \S+credentials and \S+config; valid until \S+\n$/,
      );
      const credentials = await readFile(join(home.home, '.aws', 'credentials'), 'utf8');
      const config = await readFile(join(home.home, '.aws', 'config'), 'utf8');
      assert.match(credentials, /^\[deploy\]\n# assume-aws-role: managed .*\naws_access_key_id = ASIA/m);
      assert.match(
        config,
        new RegExp(`^\\[profile deploy\\]\\n# assume-aws-role: managed.*\\nregion = ${REGION}$`, 'm'),
      );

      // The written profile works: a run without a role checks it with GetCallerIdentity.
      const check = await runCli(
        ['--source-profile', 'deploy', '--format', 'json', ...aws.stsArgs],
        home.env,
      );
      assert.equal(check.code, 0, check.stderr);
      assert.equal(aws.stsCalls('GetCallerIdentity').at(-1)?.callerArn, ASSUMED_ARN);
    }));

  // The code asked for at a terminal (below) reaches the same AssumeRole; --mfa-code is a parse-args unit test.
  deepTest('--mfa-serial and --mfa-code go with the first AssumeRole', () =>
    withFakeAws(async (aws, home) => {
      const args = [...MFA_ROLE_ARGS, '--mfa-code', '123456'];
      const result = await runCli([...args, ...aws.stsArgs], { ...home.env, ...aws.userEnv });

      assert.equal(result.code, 0, result.stderr);
      const params = aws.stsCalls('AssumeRole')[0]?.params;
      assert.equal(params?.SerialNumber, MFA_SERIAL);
      assert.equal(params?.TokenCode, '123456');
    }),
  );

  test(
    'at a terminal, an MFA serial without a code asks for the code on stderr',
    {
      skip: installed(SCRIPT) ? false : `${SCRIPT} is not installed`,
    },
    () =>
      withFakeAws(async (aws, home) => {
        const args = [...MFA_ROLE_ARGS, ...aws.stsArgs];
        const command = [NODE, CLI, ...args, '--format', 'json'].map(shQuote).join(' ');
        const result = await runProcess(
          SCRIPT,
          ['--quiet', '--return', '--command', command, '/dev/null'],
          {
            ...home.env,
            ...aws.userEnv,
          },
          { input: '654321\n' },
        );

        assert.equal(result.code, 0, result.stdout);
        assert.match(result.stdout, new RegExp(`MFA code for ${MFA_SERIAL}: `));
        const params = aws.stsCalls('AssumeRole')[0]?.params;
        assert.equal(params?.SerialNumber, MFA_SERIAL);
        assert.equal(params?.TokenCode, '654321');
      }),
  );

  test('an MFA serial without a code, and no terminal to ask at, fails naming --mfa-code before any call', () =>
    withFakeAws(async (aws, home) => {
      const args = MFA_ROLE_ARGS;
      const result = await runCli([...args, ...aws.stsArgs], { ...home.env, ...aws.userEnv });

      assert.equal(result.code, 2);
      assert.match(result.stderr, /^assume-aws-role: --mfa-code: .*not a terminal/);
      assert.equal(aws.server.requests.length, 0);
    }));

  test('a cached credential_process with an MFA serial asks for no code while its cache is good', () =>
    withFakeAws(async (aws, home) => {
      const args = [...MFA_ROLE_ARGS, '--format', 'process'];
      const env = { ...home.env, ...aws.userEnv };
      const first = await runCli([...args, '--cache', '--mfa-code', '123456', ...aws.stsArgs], env);
      assert.equal(first.code, 0, first.stderr);
      // No code and no terminal: from the cache, without asking (it used to fail, asking first).
      const second = await runCli([...args, '--cache', ...aws.stsArgs], env);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(second.stdout, first.stdout);
      assert.equal(aws.stsCalls('AssumeRole').length, 1);
    }));
});
