// What the benchmark runs: each scenario sets up a fresh job (untimed) and hands back the phase to time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AwsTestServer, imdsEnv, oidcEnv } from '../testing/aws-test-server/index.ts';
import type { Job, PhaseResult } from '../testing/runner-harness/index.ts';

export type RequestTarget = 'sts' | 'oidc' | 'imds' | 'container';
export type RequestCounts = Readonly<Record<RequestTarget, number>>;
export const REQUEST_TARGETS: readonly RequestTarget[] = ['sts', 'oidc', 'imds', 'container'];

export type ScenarioId =
  | 'keys'
  | 'oidc'
  | 'oidc-warm'
  | 'imds'
  | 'chain3'
  | 'hub1'
  | 'hub10'
  | 'main-refused'
  | 'post-none'
  | 'post-profiles';

/** Runs the timed phase with extra step env (the peak-RSS reporter). */
export type TimedPhase = (env: Record<string, string>) => Promise<PhaseResult>;

export interface Scenario {
  readonly id: ScenarioId;
  readonly label: string;
  /** Requests one run makes, per target: one STS call per hop, plus the source's own. */
  readonly expected: RequestCounts;
  /** `actionDir` holds the action.yml and dist/ to run. */
  prepare(job: Job, server: AwsTestServer, actionDir: string): Promise<TimedPhase>;
  /** Why the timed phase did not do its job, or undefined when it did. */
  problem(result: PhaseResult): string | undefined;
}

const ACCOUNT = '111111111111';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/bench-${name}`;
const HUB = role('hub');
/** `pN: arn:aws:iam::2222222222NN:role/spoke`, one account per profile. */
export const spokeProfiles = (count: number): string =>
  Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return `p${index + 1}: arn:aws:iam::2222222222${n}:role/spoke`;
  }).join('\n');

const requests = (counts: Partial<RequestCounts>): RequestCounts => ({
  sts: 0,
  oidc: 0,
  imds: 0,
  container: 0,
  ...counts,
});

function keyInputs(server: AwsTestServer, roleArn: string): Record<string, string> {
  return {
    source: 'keys',
    'aws-access-key-id': server.identities.user.accessKeyId,
    'aws-secret-access-key': server.identities.user.secretAccessKey,
    'role-arn': roleArn,
    'sts-endpoint': server.stsEndpoint,
  };
}

const failed = (result: PhaseResult): string | undefined =>
  result.timedOut || result.exitCode !== 0
    ? `exit ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}\n${result.stdout}${result.stderr}`
    : undefined;

const exportsCredentials = (result: PhaseResult): string | undefined =>
  failed(result) ?? (result.exported.AWS_ACCESS_KEY_ID ? undefined : 'exported no AWS_ACCESS_KEY_ID');

const writesProfiles =
  (count: number) =>
  (result: PhaseResult): string | undefined => {
    const written = JSON.parse(result.outputs.profiles ?? '[]') as unknown[];
    return failed(result) ?? (written.length === count ? undefined : `wrote ${written.length} profiles`);
  };

const postWithoutWarnings = (result: PhaseResult): string | undefined => {
  const warning = result.commands.find((command) => command.name === 'warning');
  return failed(result) ?? (warning ? `post warned: ${warning.message}` : undefined);
};

function mainScenario(
  id: ScenarioId,
  label: string,
  expected: RequestCounts,
  inputs: (server: AwsTestServer) => { inputs: Record<string, string>; env?: Record<string, string> },
  problem: Scenario['problem'],
): Scenario {
  return {
    id,
    label,
    expected,
    async prepare(job, server, actionDir) {
      const step = inputs(server);
      return (env) => job.runMain(step.inputs, { env: { ...step.env, ...env }, actionDir });
    },
    problem,
  };
}

function postScenario(id: ScenarioId, label: string, before: Scenario): Scenario {
  return {
    id,
    label,
    expected: requests({}),
    async prepare(job, server, actionDir) {
      // runPost runs the post entry of the action directory that main ran from.
      const main = await (await before.prepare(job, server, actionDir))({});
      const problem = before.problem(main);
      if (problem) throw new Error(`${label}: the main step before it failed: ${problem}`);
      return (env) => job.runPost(main, { env });
    },
    problem: postWithoutWarnings,
  };
}

const keys = mainScenario(
  'keys',
  'keys + 1 role',
  requests({ sts: 1 }),
  (server) => ({ inputs: keyInputs(server, role('a')) }),
  exportsCredentials,
);
const hub10 = mainScenario(
  'hub10',
  '10 profiles via a hub',
  requests({ sts: 11 }),
  (server) => ({ inputs: { ...keyInputs(server, HUB), profiles: spokeProfiles(10) } }),
  writesProfiles(10),
);

const oidcStep = (server: AwsTestServer, env: Record<string, string> = {}) => ({
  inputs: { source: 'oidc', 'role-arn': role('a'), 'sts-endpoint': server.stsEndpoint },
  env: { ...oidcEnv(server), ...env },
});

/** One cache directory kept across runs: V8's compile cache as a later step or a self-hosted runner has it. */
let warmCache: string | undefined;
const warmCacheDir = () => {
  warmCache ??= mkdtempSync(join(tmpdir(), 'bench-compile-cache-'));
  return warmCache;
};

export const SCENARIOS: readonly Scenario[] = [
  keys,
  mainScenario(
    'oidc',
    'oidc + 1 role',
    requests({ oidc: 1, sts: 1 }),
    (server) => oidcStep(server),
    exportsCredentials,
  ),
  mainScenario(
    'oidc-warm',
    'oidc + 1 role, compile cache warm',
    requests({ oidc: 1, sts: 1 }),
    (server) => oidcStep(server, { XDG_CACHE_HOME: warmCacheDir() }),
    exportsCredentials,
  ),
  mainScenario(
    'imds',
    'imds + 1 role',
    // IMDSv2: a token, the role's name, then its credentials.
    requests({ imds: 3, sts: 1 }),
    (server) => ({
      inputs: { source: 'imds', 'role-arn': role('a'), 'sts-endpoint': server.stsEndpoint },
      env: imdsEnv(server),
    }),
    exportsCredentials,
  ),
  mainScenario(
    'chain3',
    'keys + 3-hop chain',
    requests({ sts: 3 }),
    (server) => ({ inputs: keyInputs(server, `${role('a')} -> ${role('b')} -> ${role('c')}`) }),
    exportsCredentials,
  ),
  mainScenario(
    'hub1',
    '1 profile via a hub',
    requests({ sts: 2 }),
    (server) => ({ inputs: { ...keyInputs(server, HUB), profiles: spokeProfiles(1) } }),
    writesProfiles(1),
  ),
  hub10,
  mainScenario(
    'main-refused',
    'main, refused input (bundle load)',
    requests({}),
    () => ({ inputs: { source: 'no-such-source' } }),
    (result) =>
      result.exitCode === 1 ? undefined : `expected exit 1, got ${result.exitCode}\n${result.stderr}`,
  ),
  postScenario('post-none', 'post, nothing written', keys),
  postScenario('post-profiles', 'post, 10 profiles written', hub10),
];

export const LATENCIES_MS: readonly number[] = [0, 50];
