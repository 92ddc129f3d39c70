// Jobs and steps of the reliability suites: the built action in a fresh runner job, pointed only at the
// local test server (or a tap in front of it), and readers for what the runner would see.
import assert from 'node:assert/strict';
import {
  containerEnv,
  imdsEnv,
  type LoggedRequest,
  oidcEnv,
  type ServerDescription,
} from '../../../testing/aws-test-server/index.ts';
import {
  createJob,
  type Job,
  type PhaseResult,
  type StepResult,
} from '../../../testing/runner-harness/index.ts';
import { NON_RETRYABLE_BOUND_MS, retryEnv } from './retry-env.ts';

export { containerEnv, imdsEnv, oidcEnv };

/** The account of every identity on the test server. */
export const ACCOUNT_ID = '111111111111';
/** A phase still running after this is hung; the harness kills it and the test fails on `timedOut`. */
export const PHASE_TIMEOUT_MS = 20_000;

export const roleArn = (name: string): string => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;

/** Where the action finds AWS: a test server, or a tap that forwards to one. */
export type Endpoints = Pick<ServerDescription, 'stsEndpoint' | 'imdsEndpoint' | 'oidc' | 'container'>;

/** STS on the endpoints, IMDS off unless a test turns it on, the tests' fast retries. */
export function baseEnv(endpoints: Endpoints): Record<string, string> {
  return {
    ...retryEnv(),
    AWS_ENDPOINT_URL_STS: endpoints.stsEndpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    // Sessions here live seconds, to test renewal; the 5-minute refusal is proved in __tests__/hostile.
    ASSUME_AWS_ROLE_MIN_VALIDITY_MS: '0',
  };
}
/** Every source's endpoint at once, for tests that must see any call the action makes. */
export const allEndpointsEnv = (endpoints: Endpoints): Record<string, string> => ({
  ...baseEnv(endpoints),
  ...imdsEnv(endpoints),
  ...oidcEnv(endpoints),
  ...containerEnv(endpoints),
});

/** Runs `body` in a fresh job (own HOME, RUNNER_TEMP, workspace), removed afterwards. */
export async function withJob<T>(env: Record<string, string>, body: (job: Job) => Promise<T>): Promise<T> {
  const job = await createJob({ env });
  try {
    return await body(job);
  } finally {
    await job.cleanup();
  }
}

export interface StepRun extends StepResult {
  /** The server's log entries made while the step ran (a copy). */
  readonly requests: LoggedRequest[];
}

/** One step, main then post, with the server's log cleared first so it holds only this step's calls. */
export async function runStep(
  server: { clearLog(): void; readonly requests: readonly LoggedRequest[] },
  job: Job,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<StepRun> {
  server.clearLog();
  const step = await job.runStep(inputs, { env, timeoutMs: PHASE_TIMEOUT_MS });
  return { ...step, requests: [...server.requests] };
}

export const commandMessages = (phase: PhaseResult, name: string): string[] =>
  phase.commands.filter((command) => command.name === name).map((command) => command.message);

export function phaseLog(phase: PhaseResult): string {
  return `exit ${phase.exitCode} after ${Math.round(phase.durationMs)} ms\n--- stdout ---\n${phase.stdout}\n--- stderr ---\n${phase.stderr}`;
}

export function assertSucceeded(step: StepResult): void {
  assert.equal(step.main.timedOut, false, `main timed out\n${phaseLog(step.main)}`);
  assert.equal(step.main.exitCode, 0, phaseLog(step.main));
  assert.deepEqual(commandMessages(step.main, 'error'), [], phaseLog(step.main));
  if (step.post) assert.equal(step.post.exitCode, 0, phaseLog(step.post));
}

/**
 * The step failed with exactly one `::error::`, within `boundMs`, handing nothing to later steps (no
 * GITHUB_ENV, no outputs), and post did not fail too. Returns the error message.
 */
export function assertFailed(step: StepResult, boundMs = NON_RETRYABLE_BOUND_MS): string {
  const { main } = step;
  assert.equal(main.timedOut, false, `main timed out\n${phaseLog(main)}`);
  assert.equal(main.exitCode, 1, phaseLog(main));
  assert.ok(main.durationMs < boundMs, `main took ${Math.round(main.durationMs)} ms (bound ${boundMs})`);
  assert.equal(main.files.env, '', 'nothing is exported on failure');
  assert.equal(main.files.output, '', 'no output is set on failure');
  const errors = commandMessages(main, 'error');
  assert.equal(errors.length, 1, phaseLog(main));
  if (step.post) assert.equal(step.post.exitCode, 0, phaseLog(step.post));
  return errors[0] ?? '';
}

/** Calls the log recorded for one target (and action), in order. */
export function callsTo(
  requests: readonly LoggedRequest[],
  target: string,
  action?: string,
): LoggedRequest[] {
  return requests.filter(
    (request) => request.target === target && (action === undefined || request.action === action),
  );
}

/** A fixed set of resources (one test server per concurrent test), lent out one test at a time. */
export class Pool<T> {
  readonly #free: T[];
  readonly #waiting: ((item: T) => void)[] = [];

  constructor(items: readonly T[]) {
    this.#free = [...items];
  }

  async use<R>(work: (item: T) => Promise<R>): Promise<R> {
    const item = this.#free.pop() ?? (await new Promise<T>((resolve) => this.#waiting.push(resolve)));
    try {
      return await work(item);
    } finally {
      const next = this.#waiting.shift();
      if (next) next(item);
      else this.#free.push(item);
    }
  }
}
