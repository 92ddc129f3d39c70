// Jobs and steps of the end-to-end suites: the build of the current source in a fresh runner job, pointed
// only at the local AWS test server (or something in front of it).
import type { TestContext } from 'node:test';
import {
  type AwsTestServer,
  containerEnv,
  imdsEnv,
  type LoggedRequest,
  oidcEnv,
  type ServerDescription,
  startAwsTestServer,
  type TestServerOptions,
} from '../aws-test-server/index.ts';
import { createJob, type Job, type StepResult } from '../runner-harness/index.ts';
import { FAST, retryEnv } from './retry-env.ts';

/** A phase still running after this is hung: the harness kills it and the test fails on `timedOut`. */
export const PHASE_TIMEOUT_MS = 20_000;
/**
 * The retries of a job that expects no fault: fast, with room for a busy machine. The fault suites pass
 * their own (retryEnv) to prove the budgets.
 */
const STEADY = { ...FAST, requestTimeoutMs: 2000 };
/** Not 1, so a session name that dropped the attempt, or hard-coded it, shows. */
export const RUN_ATTEMPT = '3';

/** Where the action finds AWS: a test server, or something that forwards to one. */
export type Endpoints = Pick<ServerDescription, 'stsEndpoint' | 'imdsEndpoint' | 'oidc' | 'container'>;

/** STS on the endpoints, IMDS off unless `extra` turns it on, fast retries; `extra` wins. */
export function jobEnv(endpoints: Pick<Endpoints, 'stsEndpoint'>, extra: Record<string, string> = {}) {
  return {
    ...retryEnv(STEADY),
    GITHUB_RUN_ATTEMPT: RUN_ATTEMPT,
    AWS_ENDPOINT_URL_STS: endpoints.stsEndpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    // Some suites issue sessions of seconds, to test renewal; the 5-minute refusal is proved in __tests__/hostile.
    ASSUME_AWS_ROLE_MIN_VALIDITY_MS: '0',
    ...extra,
  };
}

/** Every source's endpoint at once, for tests that must see any call the action makes. */
export const allEndpointsEnv = (endpoints: Endpoints): Record<string, string> =>
  jobEnv(endpoints, { ...imdsEnv(endpoints), ...oidcEnv(endpoints), ...containerEnv(endpoints) });

/** Runs `body` in a fresh job (own HOME, RUNNER_TEMP, workspace), removed afterwards. */
export async function withJob<T>(env: Record<string, string>, body: (job: Job) => Promise<T>): Promise<T> {
  const job = await createJob({ env });
  try {
    return await body(job);
  } finally {
    await job.cleanup();
  }
}

/** A fresh job, removed after the test. */
export async function newJob(t: TestContext, env: Record<string, string>): Promise<Job> {
  const job = await createJob({ env });
  t.after(() => job.cleanup());
  return job;
}

/** A server of the test's own, so its log holds only that test's requests; closed after the test. */
export async function testServer(t: TestContext, options?: TestServerOptions): Promise<AwsTestServer> {
  const server = await startAwsTestServer(options);
  t.after(() => server.close());
  return server;
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
  // A copy: checking credentials with another client afterwards adds to the live log.
  return { ...step, requests: [...server.requests] };
}
