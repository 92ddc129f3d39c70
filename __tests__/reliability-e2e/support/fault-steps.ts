// What the fault files share: a step in a fresh job against a test server of the case's own, the key
// inputs, and the check that retries stayed within AWS_MAX_ATTEMPTS and the total budget.
import assert from 'node:assert/strict';
import {
  type AwsTestServer,
  type LoggedRequest,
  startAwsTestServer,
  type TestServerOptions,
} from '../../../testing/aws-test-server/index.ts';
import {
  FAST,
  jobEnv,
  retryEnv,
  roleArn,
  runStep,
  type StepRun,
  withJob,
} from '../../../testing/e2e/index.ts';

export const DEPLOY = roleArn('deploy');

export const keyInputs = (server: AwsTestServer) => ({
  source: 'keys',
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
});

/** Runs one step in a fresh job against `server`, with the given extra job env. */
export function step(
  server: AwsTestServer,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<StepRun> {
  return withJob({ ...jobEnv(server, retryEnv()), ...env }, (job) => runStep(server, job, inputs));
}

/** A case's body, with a test server of its own (its faults and log are its alone): cases run side by side. */
export function withServer(
  body: (server: AwsTestServer) => Promise<void>,
  options: TestServerOptions = {},
): () => Promise<void> {
  return async () => {
    const server = await startAwsTestServer(options);
    try {
      await body(server);
    } finally {
      await server.close();
    }
  };
}

/** Retries stayed within AWS_MAX_ATTEMPTS, and none started after the total timeout. */
export function assertWithinBounds(calls: readonly LoggedRequest[], bounds = FAST): void {
  assert.ok(calls.length >= 1, 'at least one call was made');
  assert.ok(calls.length <= bounds.maxAttempts, `${calls.length} attempts > AWS_MAX_ATTEMPTS`);
  const span = (calls.at(-1)?.at ?? 0) - (calls[0]?.at ?? 0);
  assert.ok(span < bounds.totalTimeoutMs, `the last attempt started ${span} ms after the first`);
}

export const outcomes = (calls: readonly LoggedRequest[]) =>
  calls.map((call) => call.errorCode ?? call.status);
