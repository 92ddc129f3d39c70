// The setting of the profile end-to-end tests: the built action in a job run by the runner harness, against
// the local AWS test server, with a fresh HOME per test (so ~/.aws is the job's own).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import {
  type AwsTestServer,
  containerEnv,
  imdsEnv,
  oidcEnv,
  startAwsTestServer,
  type TestServerOptions,
} from '../../../testing/aws-test-server/index.ts';
import { createJob, type Job, type PhaseResult } from '../../../testing/runner-harness/index.ts';

export { containerEnv, imdsEnv, oidcEnv };

/** Every phase here talks to loopback only and takes well under a second; longer is hung. */
export const STEP_TIMEOUT_MS = 15_000;
/** Fixed, so every assumed-role ARN is known in advance. */
export const SESSION_NAME = 'profiles-e2e';
export const HUB_ACCOUNT = '111111111111';

export const roleArn = (account: string, name: string): string => `arn:aws:iam::${account}:role/${name}`;
export const sessionArn = (account: string, roleName: string): string =>
  `arn:aws:sts::${account}:assumed-role/${roleName}/${SESSION_NAME}`;
/** The nth of several distinct 12-digit accounts (n ≥ 0), none of them the hub's. */
export const accountNumber = (n: number): string => String(200000000000 + n * 1_000_000_001);

/** A server for a whole test file: close it in `after`. */
export function startServer(options?: TestServerOptions): Promise<AwsTestServer> {
  return startAwsTestServer(options);
}

/** A server of the test's own, so its log holds only that test's requests; closed after the test. */
export async function testServer(t: TestContext, options?: TestServerOptions): Promise<AwsTestServer> {
  const server = await startAwsTestServer(options);
  t.after(() => server.close());
  return server;
}

/** A fresh job (HOME, RUNNER_TEMP, workspace) whose STS is the test server; removed after the test. */
export async function newJob(
  t: TestContext,
  server: AwsTestServer,
  extra: Record<string, string> = {},
): Promise<Job> {
  const job = await createJob({
    env: {
      AWS_ENDPOINT_URL_STS: server.stsEndpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
      ASSUME_AWS_ROLE_RETRY_BASE_MS: '1',
      // Refresh tests issue sessions of seconds; the 5-minute refusal is proved in __tests__/hostile.
      ASSUME_AWS_ROLE_MIN_VALIDITY_MS: '0',
      ...oidcEnv(server),
      ...extra,
    },
  });
  t.after(() => job.cleanup());
  return job;
}

/** Inputs every step here shares: OIDC as the source, a fixed session name, a region. */
export const baseInputs = (inputs: Record<string, string>): Record<string, string> => ({
  source: 'oidc',
  'session-name': SESSION_NAME,
  region: 'eu-west-2',
  ...inputs,
});

/** Runs main only; the test decides when (and in which order) posts run. */
export function runMain(job: Job, inputs: Record<string, string>, env?: Record<string, string>) {
  return job.runMain(baseInputs(inputs), { env, timeoutMs: STEP_TIMEOUT_MS });
}

export function runPost(job: Job, main: PhaseResult) {
  return job.runPost(main, { timeoutMs: STEP_TIMEOUT_MS });
}

export interface AwsPaths {
  dir: string;
  credentials: string;
  config: string;
}

/** Where the SDKs look by default in this job: ~/.aws/credentials and ~/.aws/config. */
export const awsPaths = (job: Job): AwsPaths => {
  const dir = join(job.home, '.aws');
  return { dir, credentials: join(dir, 'credentials'), config: join(dir, 'config') };
};

export const messages = (phase: PhaseResult, name: string): string[] =>
  phase.commands.filter((command) => command.name === name).map((command) => command.message);

export function phaseLog(phase: PhaseResult): string {
  return `exit ${phase.exitCode}\n--- stdout ---\n${phase.stdout}\n--- stderr ---\n${phase.stderr}`;
}

/** The phase succeeded without an error or a warning. */
export function assertClean(phase: PhaseResult): void {
  assert.equal(phase.timedOut, false, `timed out\n${phaseLog(phase)}`);
  assert.equal(phase.exitCode, 0, phaseLog(phase));
  assert.deepEqual(messages(phase, 'error'), [], phaseLog(phase));
  assert.deepEqual(messages(phase, 'warning'), [], phaseLog(phase));
}

/** The step failed with exactly one error, which is returned. */
export function assertFailed(phase: PhaseResult): string {
  assert.equal(phase.timedOut, false, `timed out\n${phaseLog(phase)}`);
  assert.equal(phase.exitCode, 1, phaseLog(phase));
  const errors = messages(phase, 'error');
  assert.equal(errors.length, 1, phaseLog(phase));
  return errors[0] ?? '';
}

export interface ProfileOutput {
  name: string;
  arn: string;
  accountId: string;
  expiration?: string;
  refresh: boolean;
}

/** The step's `profiles` output. */
export function profilesOutput(phase: PhaseResult): ProfileOutput[] {
  const value = phase.outputs.profiles;
  assert.ok(value, `no profiles output\n${phaseLog(phase)}`);
  return JSON.parse(value) as ProfileOutput[];
}
