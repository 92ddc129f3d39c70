// The one helper module of the end-to-end suites: the build under test, jobs and steps against the local
// AWS test server, the CLI as a process, and the checks every suite makes. Suite-specific clients and
// fixtures stay in each suite's support/ folder.
export {
  type AwsTestServer,
  containerEnv,
  imdsEnv,
  type LoggedRequest,
  oidcEnv,
  startAwsTestServer,
  type TestServerOptions,
} from '../aws-test-server/index.ts';
export type { Job, PhaseResult, StepResult } from '../runner-harness/index.ts';
export { DEEP, DEPTH_ENV, deepTest, rowsFor } from './depth.ts';
export { ACCOUNT_ID, INSTANCE_SESSION, roleArn, sessionArn } from './identities.ts';
export {
  allEndpointsEnv,
  type Endpoints,
  jobEnv,
  newJob,
  PHASE_TIMEOUT_MS,
  RUN_ATTEMPT,
  runStep,
  type StepRun,
  testServer,
  withJob,
} from './jobs.ts';
export {
  assertClean,
  assertFailed,
  assertFailedPhase,
  assertSucceeded,
  callsTo,
  commandMessages,
  phaseLog,
  plainLines,
  stsCalls,
} from './phases.ts';
export { Pool } from './pool.ts';
export * from './processes.ts';
export { FAST, type RetryBounds, retryEnv, stepBoundMs } from './retry-env.ts';
export { builtActionDir, builtCli } from './test-build.ts';
