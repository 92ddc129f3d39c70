// The CLI speaks in its own words: errors name its options, never the action's inputs, and the
// account check has its own exit status.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { deepTest, runCli } from '../../testing/e2e/index.ts';
import { ROLE_ARN, withFakeAws } from './support/fake-aws.ts';

/** Action input names that must never reach a person at a terminal. */
const ACTION_WORDS = /Input '|session-tags|overwrite-profile: true|aws-access-key-id|aws-secret-access-key/;

describe('the CLI in its own words', { concurrency: true }, () => {
  // One usage error in CLI words runs in `npm test` (--source keys, below); the naming rule is a unit test.
  deepTest('a bad --tag is named as --tag', () =>
    withFakeAws(async (aws, home) => {
      const result = await runCli(
        ['--source', 'env', '--role-arn', ROLE_ARN, '--tag', 'no-equals-sign', ...aws.stsArgs],
        {
          ...home.env,
          ...aws.userEnv,
        },
      );
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^assume-aws-role: --tag: /);
      assert.doesNotMatch(result.stderr, ACTION_WORDS);
    }),
  );

  test('--source keys explains where the CLI takes keys from', () =>
    withFakeAws(async (aws, home) => {
      const result = await runCli(['--source', 'keys', '--role-arn', ROLE_ARN, ...aws.stsArgs], home.env);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^assume-aws-role: --source: 'keys'/);
      assert.match(result.stderr, /--source env with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
      assert.match(result.stderr, /--source-profile NAME/);
      assert.doesNotMatch(result.stderr, ACTION_WORDS);
      assert.equal(aws.server.requests.length, 0);
    }));

  test('a profile someone else wrote is kept, and the fix is --overwrite-profile', () =>
    withFakeAws(async (aws, home) => {
      await mkdir(join(home.home, '.aws'), { mode: 0o700 });
      await writeFile(join(home.home, '.aws', 'credentials'), '[deploy]\naws_access_key_id = AKIAMINE\n', {
        mode: 0o600,
      });
      const result = await runCli(
        ['--source', 'env', '--role-arn', ROLE_ARN, '--profile', 'deploy', ...aws.stsArgs],
        {
          ...home.env,
          ...aws.userEnv,
        },
      );
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /Pass --overwrite-profile to replace it/);
      assert.doesNotMatch(result.stderr, ACTION_WORDS);
    }));

  test('an account outside --allowed-account-ids exits 6 after the AssumeRole, printing nothing', () =>
    withFakeAws(async (aws, home) => {
      const args = [
        '--source',
        'env',
        '--role-arn',
        ROLE_ARN,
        '--allowed-account-ids',
        '999999999999',
        ...aws.stsArgs,
      ];
      const result = await runCli(args, { ...home.env, ...aws.userEnv });
      assert.equal(result.code, 6, result.stderr);
      assert.equal(result.stdout, '');
      assert.equal(aws.stsCalls('AssumeRole').length, 1);
      assert.match(
        result.stderr,
        /^assume-aws-role: --allowed-account-ids: the credentials obtained are for account 222222222222/,
      );
      assert.doesNotMatch(result.stderr, ACTION_WORDS);
    }));
});
