import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import { CLI, deepTest, NODE, rowsFor, runCli, startProcess } from '../../testing/e2e/index.ts';
import { type FakeAws, ROLE_ARN, SESSION_NAME, withFakeAws } from './support/fake-aws.ts';

const roleArgs = (aws: FakeAws) => [
  '--source',
  'env',
  '--role-arn',
  ROLE_ARN,
  '--session-name',
  SESSION_NAME,
  ...aws.stsArgs,
];

describe('running a command after --', { concurrency: true }, () => {
  test(
    'runs the command with the new credentials instead of the old ones, and exits with its status',
    { skip: skipOn.posixShell() },
    () =>
      withFakeAws(async (aws, home) => {
        const check = [
          'test -n "$AWS_SESSION_TOKEN"',
          'test "$AWS_ACCESS_KEY_ID" != "$OLD_KEY"',
          'test -z "$AWS_PROFILE"',
          'test "$AWS_REGION" = us-east-1',
          'exit 7',
        ].join(' && ');
        const oldKey = aws.userEnv.AWS_ACCESS_KEY_ID ?? '';
        const env = { ...home.env, ...aws.userEnv, OLD_KEY: oldKey, AWS_PROFILE: 'stale' };
        const result = await runCli([...roleArgs(aws), '--', 'sh', '-c', check], env);

        assert.equal(result.code, 7, result.stderr);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, '');
      }),
  );

  // SIGTERM runs in `npm test`; SIGQUIT and SIGUSR2 (which would end the CLI and orphan the command if
  // not forwarded) in the deep tier.
  for (const [signal, status] of rowsFor([
    ['SIGTERM', 143],
    ['SIGQUIT', 131],
    ['SIGUSR2', 140],
  ] as const))
    test(
      `passes ${signal} on to the command and exits ${status} when it kills the command`,
      {
        skip: skipOn.signals(),
      },
      () =>
        withFakeAws(async (aws, home) => {
          const command = [NODE, '-e', "process.stdout.write('ready\\n'); setInterval(() => {}, 1000)"];
          const running = startProcess(NODE, [CLI, ...roleArgs(aws), '--', ...command], {
            ...home.env,
            ...aws.userEnv,
          });
          await running.waitForStdout('ready');
          // Sent to the CLI alone, not to a process group: the command dies only if the CLI passes it on.
          running.child.kill(signal);
          const result = await running.result;

          assert.equal(result.signal, null, 'the CLI itself outlives the signal to report the status');
          assert.equal(result.code, status, result.stderr);
        }),
    );

  // Its status and message are exit-codes unit tests; here the spawn failure is a real one.
  deepTest('a command that does not exist exits 127 and says so', () =>
    withFakeAws(async (aws, home) => {
      const result = await runCli([...roleArgs(aws), '--', 'no-such-command-e2e', '--flag'], {
        ...home.env,
        ...aws.userEnv,
      });

      assert.equal(result.code, 127);
      assert.match(result.stderr, /Cannot run 'no-such-command-e2e': command not found/);
    }),
  );
});
