// The CLI's own inputs (source-profile, mfa-serial, mfa-code) cannot change what the action does: set as
// INPUT_* variables on the built action, they are not read, and the step warns of them as the runner does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertSucceeded,
  commandMessages,
  defaultSessionName,
  plainLines,
  roleArn,
  runStep,
  startServer,
  stsCalls,
  withJob,
} from './support/e2e.ts';

let server: AwsTestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

test('source-profile, mfa-serial and mfa-code set as INPUT_* are ignored, with a warning', async () => {
  const role = roleArn('cli-only-target');
  server.configureRole(role, {});
  await withJob(server, async (job) => {
    const user = server.identities.user;
    const step = await runStep(
      server,
      job,
      {
        'aws-access-key-id': user.accessKeyId,
        'aws-secret-access-key': user.secretAccessKey,
        'role-arn': role,
      },
      {
        'INPUT_SOURCE-PROFILE': 'nope',
        'INPUT_MFA-SERIAL': 'arn:aws:iam::111111111111:mfa/someone',
        'INPUT_MFA-CODE': '123456',
      },
    );
    assertSucceeded(step);
    // Read by the action, source-profile would have made the source 'profile' and refused the keys.
    assert.ok(
      plainLines(step.main).includes('source: keys (aws-access-key-id and aws-secret-access-key are given)'),
      plainLines(step.main).join('\n'),
    );
    const calls = stsCalls(step.requests);
    assert.equal(calls.length, 1);
    // Read by the action, mfa-serial and mfa-code would have been sent with the AssumeRole.
    assert.deepEqual(calls[0]?.params, {
      RoleArn: role,
      RoleSessionName: defaultSessionName(job),
      DurationSeconds: '3600',
    });
    const warnings = commandMessages(step.main, 'warning').filter((message) =>
      message.startsWith('Unexpected input(s)'),
    );
    assert.equal(warnings.length, 1, commandMessages(step.main, 'warning').join('\n'));
    assert.match(
      warnings[0] ?? '',
      /^Unexpected input\(s\) 'mfa-code', 'mfa-serial', 'source-profile', valid inputs are \['source', 'role-arn', .*'cleanup'\]$/,
    );
  });
});
