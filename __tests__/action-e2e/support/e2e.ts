// The shared setting of the end-to-end tests: one test server per file, a fresh job per test, and readers
// for what the runner would see of a step.
import assert from 'node:assert/strict';
import type { LoggedRequest } from '../../../testing/aws-test-server/index.ts';
import {
  type AwsTestServer,
  containerEnv,
  imdsEnv,
  oidcEnv,
  startAwsTestServer,
  type TestServerOptions,
} from '../../../testing/aws-test-server/index.ts';
import {
  createJob,
  type Job,
  type PhaseResult,
  type StepResult,
} from '../../../testing/runner-harness/index.ts';
import type { Keys } from './botocore.ts';

export { containerEnv, imdsEnv, oidcEnv };

/** The account every identity of the test server lives in. */
export const ACCOUNT_ID = '111111111111';
/** Not 1, so a session name that dropped the attempt, or hard-coded it, shows. */
export const RUN_ATTEMPT = '3';
/** A phase that takes longer is hung: everything here answers from loopback in milliseconds. */
export const STEP_TIMEOUT_MS = 15_000;

/** Retries cost milliseconds, and no attempt or step can outlast a test. */
const FAST_RETRIES = {
  ASSUME_AWS_ROLE_RETRY_BASE_MS: '1',
  ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS: '2000',
  ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS: '4000',
  AWS_MAX_ATTEMPTS: '3',
};

/** The session the test server's instance profile hands out. */
export const INSTANCE_SESSION = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/test-instance-role/i-0123456789abcdef0`;

export const roleArn = (name: string): string => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
export const sessionArn = (roleName: string, sessionName: string): string =>
  `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleName}/${sessionName}`;

export function startServer(options?: TestServerOptions): Promise<AwsTestServer> {
  return startAwsTestServer(options);
}

/** The job env of every test: STS on the test server, IMDS off unless a test turns it on, fast retries. */
export function jobEnv(server: AwsTestServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...FAST_RETRIES,
    GITHUB_RUN_ATTEMPT: RUN_ATTEMPT,
    AWS_ENDPOINT_URL_STS: server.stsEndpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** Runs `body` in a fresh job (own HOME, RUNNER_TEMP, workspace) that is removed afterwards. */
export async function withJob<T>(
  server: AwsTestServer,
  body: (job: Job) => Promise<T>,
  extraEnv: Record<string, string> = {},
): Promise<T> {
  const job = await createJob({ env: jobEnv(server, extraEnv) });
  try {
    return await body(job);
  } finally {
    await job.cleanup();
  }
}

/** Runs one step (main, then post), with the server's log cleared first so it holds only this step. */
export async function runStep(
  server: AwsTestServer,
  job: Job,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<StepResult & { requests: LoggedRequest[] }> {
  server.clearLog();
  const step = await job.runStep(inputs, { env, timeoutMs: STEP_TIMEOUT_MS });
  // A copy: checking credentials with botocore afterwards adds to the live log.
  return { ...step, requests: [...server.requests] };
}

export const stsCalls = (requests: readonly LoggedRequest[]): LoggedRequest[] =>
  requests.filter((request) => request.target === 'sts');

export const commandMessages = (phase: PhaseResult, name: string): string[] =>
  phase.commands.filter((command) => command.name === name).map((command) => command.message);

/** Log lines that are not workflow commands. */
export const plainLines = (phase: PhaseResult): string[] =>
  phase.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'));

export function phaseLog(phase: PhaseResult): string {
  return `exit ${phase.exitCode}\n--- stdout ---\n${phase.stdout}\n--- stderr ---\n${phase.stderr}`;
}

/** Main succeeded and post did nothing worth a warning. */
export function assertSucceeded(step: StepResult): void {
  assert.equal(step.main.timedOut, false, 'main timed out');
  assert.equal(step.main.exitCode, 0, phaseLog(step.main));
  assert.deepEqual(commandMessages(step.main, 'error'), []);
  if (step.post) {
    assert.equal(step.post.exitCode, 0, phaseLog(step.post));
    assert.deepEqual(commandMessages(step.post, 'warning'), [], phaseLog(step.post));
  }
}

/** Main failed quickly with exactly one `::error::`, handing nothing over; returns that error. */
export function assertFailedFast(step: StepResult): string {
  const { main } = step;
  assert.equal(main.timedOut, false, 'main timed out');
  assert.equal(main.exitCode, 1, phaseLog(main));
  assert.ok(main.durationMs < 5000, `main took ${Math.round(main.durationMs)} ms`);
  assert.deepEqual(main.exported, {}, 'nothing is exported on failure');
  assert.deepEqual(main.outputs, {}, 'no output is set on failure');
  const errors = commandMessages(main, 'error');
  assert.equal(errors.length, 1, phaseLog(main));
  if (step.post) assert.equal(step.post.exitCode, 0, phaseLog(step.post));
  return errors[0] ?? '';
}

/** The credentials a step exported to later steps. */
export function exportedKeys(phase: PhaseResult): Keys {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = phase.exported;
  assert.ok(AWS_ACCESS_KEY_ID && AWS_SECRET_ACCESS_KEY, `no keys exported:\n${phaseLog(phase)}`);
  return {
    accessKeyId: AWS_ACCESS_KEY_ID,
    secretAccessKey: AWS_SECRET_ACCESS_KEY,
    ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
  };
}

/** The default RoleSessionName of this job's runs: repository, run id and attempt. */
export function defaultSessionName(job: Job): string {
  const runId = job.env.GITHUB_RUN_ID;
  assert.ok(runId, 'the harness sets GITHUB_RUN_ID');
  return `gha-octo-repo-${runId}-${RUN_ATTEMPT}`;
}

/**
 * Every set of keys masked by a phase, in order: a key id mask followed by its secret and (for sessions)
 * token. Sources and STS hand them out in that order, so these are the issued credentials as the runner saw them.
 */
export function maskedKeys(phase: PhaseResult): Keys[] {
  const keys: Keys[] = [];
  phase.masks.forEach((mask, index) => {
    if (!/^A[SK]IA[A-Z2-7]{16}$/.test(mask)) return;
    const secretAccessKey = phase.masks[index + 1];
    const sessionToken = mask.startsWith('ASIA') ? phase.masks[index + 2] : undefined;
    assert.ok(secretAccessKey, `no secret masked after ${mask}`);
    keys.push({ accessKeyId: mask, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
  });
  return keys;
}

/**
 * Each secret is masked before it is mentioned at all, and never mentioned anywhere else: not in any other
 * line of stdout, not in stderr, not in the job summary.
 */
export function assertMasksFirst(phase: PhaseResult, secrets: readonly string[]): void {
  const lines = phase.stdout.split('\n');
  for (const secret of secrets) {
    assert.ok(secret.length >= 8, `'${secret}' is too short to be a secret worth checking`);
    assert.ok(phase.masks.includes(secret), `never masked: ${secret}`);
    const mentions = lines.filter((line) => line.includes(secret));
    assert.ok(
      mentions.every((line) => line === `::add-mask::${secret}`),
      `${secret} appears in stdout outside its add-mask:\n${mentions.join('\n')}`,
    );
    assert.ok(!phase.stderr.includes(secret), `${secret} appears in stderr`);
    assert.ok(!phase.summary.includes(secret), `${secret} appears in the job summary`);
  }
}

/** Each value's first mention in stdout is its own add-mask line (it may be mentioned, masked, later). */
export function assertMaskedBeforeMention(phase: PhaseResult, values: readonly string[]): void {
  const lines = phase.stdout.split('\n');
  for (const value of values) {
    const first = lines.find((line) => line.includes(value));
    assert.equal(first, `::add-mask::${value}`, `first mention of ${value} is not its mask`);
  }
}
