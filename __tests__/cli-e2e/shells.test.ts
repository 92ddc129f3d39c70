import assert from 'node:assert/strict';
import { hostname, userInfo } from 'node:os';
import { describe, test } from 'node:test';
import { defaultSessionName } from '../../src/settings/default-session-name.ts';
import { CLI, FISH, installed, NODE, PYTHON, runProcess, shQuote } from '../../testing/e2e/index.ts';
import { ROLE_ARN, SESSION_NAME, withFakeAws } from './support/fake-aws.ts';

describe('shell output', { concurrency: true }, () => {
  test('eval of the default sh output in bash gives botocore the role, named user@host by default', () =>
    withFakeAws(async (aws, home) => {
      const cli = [NODE, CLI, '--source', 'env', '--role-arn', ROLE_ARN, ...aws.stsArgs]
        .map(shQuote)
        .join(' ');
      // No region_name: botocore takes the exported AWS_DEFAULT_REGION.
      const python = `import boto3; print(boto3.client('sts', endpoint_url='${aws.server.stsEndpoint}').get_caller_identity()['Arn'])`;
      const script = `eval "$(${cli})" && ${PYTHON} -c ${shQuote(python)}`;
      const result = await runProcess('/bin/bash', ['-c', script], { ...home.env, ...aws.userEnv });

      const session = defaultSessionName({}, userInfo().username, hostname());
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.trim(), `arn:aws:sts::222222222222:assumed-role/deploy/${session}`);
      assert.equal(result.stderr, '', 'quiet by default: nothing on stderr when all goes well');
    }));

  test(
    'fish sources the fish output, and the variables sign the next call',
    { skip: installed(FISH) ? false : `${FISH} is not installed` },
    () =>
      withFakeAws(async (aws, home) => {
        const cli = [NODE, CLI, ...aws.stsArgs].map(shQuote).join(' ');
        const role = ['--role-arn', ROLE_ARN, '--session-name', SESSION_NAME].map(shQuote).join(' ');
        // The second run has no role: it checks the sourced credentials with GetCallerIdentity.
        const script = `${cli} --source env ${role} --format fish | source; and ${cli} --source env --format json >/dev/null; and echo $AWS_DEFAULT_REGION`;
        const result = await runProcess(FISH, ['--no-config', '-c', script], { ...home.env, ...aws.userEnv });

        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout.trim(), 'us-east-1');
        const checks = aws.stsCalls('GetCallerIdentity');
        assert.equal(checks.length, 1);
        assert.equal(checks[0]?.callerArn, `arn:aws:sts::222222222222:assumed-role/deploy/${SESSION_NAME}`);
      }),
  );
});
