// Steps of the profile suites: the action with OIDC as its source and a fixed session name, in a fresh job
// per test (so ~/.aws is the job's own), and readers for the profiles it wrote.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import {
  ACCOUNT_ID,
  type AwsTestServer,
  type Job,
  jobEnv,
  newJob,
  oidcEnv,
  PHASE_TIMEOUT_MS,
  type PhaseResult,
  phaseLog,
} from '../../../testing/e2e/index.ts';

/** Fixed, so every assumed-role ARN is known in advance. */
export const SESSION_NAME = 'profiles-e2e';
export const HUB_ACCOUNT = ACCOUNT_ID;

/** The nth of several distinct 12-digit accounts (n ≥ 0), none of them the hub's. */
export const accountNumber = (n: number): string => String(200000000000 + n * 1_000_000_001);

/** A fresh job whose STS is the test server and which can request an OIDC token; removed after the test. */
export function oidcJob(
  t: TestContext,
  server: AwsTestServer,
  extra: Record<string, string> = {},
): Promise<Job> {
  return newJob(t, jobEnv(server, { ...oidcEnv(server), ...extra }));
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
  return job.runMain(baseInputs(inputs), { env, timeoutMs: PHASE_TIMEOUT_MS });
}

export function runPost(job: Job, main: PhaseResult) {
  return job.runPost(main, { timeoutMs: PHASE_TIMEOUT_MS });
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
