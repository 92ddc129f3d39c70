// What the benchmark runs: each scenario sets up a fresh job (untimed) and hands back the phase to time.
import { type AwsTestServer, imdsEnv, oidcEnv } from '../testing/aws-test-server/index.ts';
import type { Job, PhaseResult } from '../testing/runner-harness/index.ts';
import { type BenchOptions, BenchUsageError } from './args.ts';
import { runCli } from './cli-run.ts';
import { incumbentInputs } from './incumbent-inputs.ts';

export type RequestTarget = 'sts' | 'oidc' | 'imds' | 'container';
export type RequestCounts = Readonly<Record<RequestTarget, number>>;
export const REQUEST_TARGETS: readonly RequestTarget[] = ['sts', 'oidc', 'imds', 'container'];

export type ScenarioId =
  | 'keys'
  | 'oidc'
  | 'imds'
  | 'chain3'
  | 'hub1'
  | 'hub10'
  | 'main-refused'
  | 'post-none'
  | 'post-profiles'
  | 'cli-keys'
  | 'incumbent-keys'
  | 'incumbent-oidc'
  | 'incumbent-post';

/** One timed run: spawn to exit, and why it did not do its job (undefined when it did). */
export interface TimedResult {
  readonly durationMs: number;
  readonly problem: string | undefined;
}

/** Runs the timed phase with extra env (the peak-RSS reporter). */
export type TimedPhase = (env: Record<string, string>) => Promise<TimedResult>;

/** Where the code to run lives: ours (a snapshot of action.yml and dist/) and the incumbent's copy. */
export interface ActionDirs {
  readonly ours: string;
  readonly incumbent?: string;
}

export interface Scenario {
  readonly id: ScenarioId;
  readonly label: string;
  /** Whose code runs: the incumbent's scenarios run only with --incumbent. */
  readonly of: 'ours' | 'incumbent';
  /** Requests one run makes, per target: one STS call per hop, plus the source's own. */
  readonly expected: RequestCounts;
  /** Set for a step whose source makes a request of its own before the first STS call. */
  readonly sourceRequest?: RequestTarget;
  prepare(job: Job, server: AwsTestServer, dirs: ActionDirs): Promise<TimedPhase>;
}

const ACCOUNT = '111111111111';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/bench-${name}`;
const HUB = role('hub');
export const ONE_ROLE = role('a');
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

type StepOf = (server: AwsTestServer) => { inputs: Record<string, string>; env?: Record<string, string> };

const timed = (result: PhaseResult, problem: (result: PhaseResult) => string | undefined): TimedResult => ({
  durationMs: result.durationMs,
  problem: problem(result),
});

function dirOf(scenario: Pick<Scenario, 'of' | 'label'>, dirs: ActionDirs): string {
  if (scenario.of === 'ours') return dirs.ours;
  if (!dirs.incumbent) throw new Error(`${scenario.label} needs --incumbent`);
  return dirs.incumbent;
}

/** A main step: its inputs and env, kept so a post scenario can run the same step first. */
interface MainScenario extends Scenario {
  readonly step: StepOf;
}

function mainScenario(
  fields: Omit<Scenario, 'prepare' | 'of'> & { of?: Scenario['of'] },
  step: StepOf,
  problem: (result: PhaseResult) => string | undefined,
): MainScenario {
  const scenario = { of: 'ours' as const, ...fields };
  return {
    ...scenario,
    step,
    async prepare(job, server, dirs) {
      const { inputs, env } = step(server);
      const actionDir = dirOf(scenario, dirs);
      return async (extra) =>
        timed(await job.runMain(inputs, { env: { ...env, ...extra }, actionDir }), problem);
    },
  };
}

function postScenario(id: ScenarioId, label: string, before: MainScenario): Scenario {
  return {
    id,
    label,
    of: before.of,
    expected: requests({}),
    async prepare(job, server, dirs) {
      // runPost runs the post entry of the action directory that main ran from, after an untimed main.
      const { inputs, env } = before.step(server);
      const main = await job.runMain(inputs, { env, actionDir: dirOf(before, dirs) });
      const problem = failed(main);
      if (problem) throw new Error(`${label}: the main step before it failed: ${problem}`);
      return async (extra) => timed(await job.runPost(main, { env: extra }), postWithoutWarnings);
    },
  };
}

const keys = mainScenario(
  { id: 'keys', label: 'keys + 1 role', expected: requests({ sts: 1 }) },
  (server) => ({ inputs: keyInputs(server, ONE_ROLE) }),
  exportsCredentials,
);
const hub10 = mainScenario(
  { id: 'hub10', label: '10 profiles via a hub', expected: requests({ sts: 11 }) },
  (server) => ({ inputs: { ...keyInputs(server, HUB), profiles: spokeProfiles(10) } }),
  writesProfiles(10),
);
const incumbentKeys = mainScenario(
  {
    id: 'incumbent-keys',
    label: 'incumbent: keys + 1 role',
    of: 'incumbent',
    // It checks the keys and the role it got with GetCallerIdentity before and after AssumeRole.
    expected: requests({ sts: 3 }),
  },
  (server) => ({ inputs: incumbentInputs(server, ONE_ROLE, 'keys') }),
  exportsCredentials,
);

export const SCENARIOS: readonly Scenario[] = [
  keys,
  mainScenario(
    { id: 'oidc', label: 'oidc + 1 role', expected: requests({ oidc: 1, sts: 1 }), sourceRequest: 'oidc' },
    (server) => ({
      inputs: { source: 'oidc', 'role-arn': ONE_ROLE, 'sts-endpoint': server.stsEndpoint },
      env: oidcEnv(server),
    }),
    exportsCredentials,
  ),
  mainScenario(
    {
      id: 'imds',
      label: 'imds + 1 role',
      // IMDSv2: a token, the role's name, then its credentials.
      expected: requests({ imds: 3, sts: 1 }),
      sourceRequest: 'imds',
    },
    (server) => ({
      inputs: { source: 'imds', 'role-arn': ONE_ROLE, 'sts-endpoint': server.stsEndpoint },
      env: imdsEnv(server),
    }),
    exportsCredentials,
  ),
  mainScenario(
    { id: 'chain3', label: 'keys + 3-hop chain', expected: requests({ sts: 3 }) },
    (server) => ({ inputs: keyInputs(server, `${role('a')} -> ${role('b')} -> ${role('c')}`) }),
    exportsCredentials,
  ),
  mainScenario(
    { id: 'hub1', label: '1 profile via a hub', expected: requests({ sts: 2 }) },
    (server) => ({ inputs: { ...keyInputs(server, HUB), profiles: spokeProfiles(1) } }),
    writesProfiles(1),
  ),
  hub10,
  mainScenario(
    { id: 'main-refused', label: 'main, refused input (bundle load)', expected: requests({}) },
    () => ({ inputs: { source: 'no-such-source' } }),
    (result) =>
      result.exitCode === 1 ? undefined : `expected exit 1, got ${result.exitCode}\n${result.stderr}`,
  ),
  postScenario('post-none', 'post, nothing written', keys),
  postScenario('post-profiles', 'post, 10 profiles written', hub10),
  {
    id: 'cli-keys',
    label: 'CLI: keys + 1 role, printing sh',
    of: 'ours',
    expected: requests({ sts: 1 }),
    prepare: async (job, server, dirs) => (env) => runCli(job, server, dirs.ours, ONE_ROLE, env),
  },
  incumbentKeys,
  mainScenario(
    {
      id: 'incumbent-oidc',
      label: 'incumbent: oidc + 1 role',
      of: 'incumbent',
      // AssumeRoleWithWebIdentity, then GetCallerIdentity on the role it got.
      expected: requests({ oidc: 1, sts: 2 }),
      sourceRequest: 'oidc',
    },
    (server) => ({ inputs: incumbentInputs(server, ONE_ROLE, 'oidc'), env: oidcEnv(server) }),
    exportsCredentials,
  ),
  postScenario('incumbent-post', 'incumbent: post, nothing written', incumbentKeys),
];

/** The scenarios this run measures: the incumbent's only with --incumbent, and only those of --only. */
export function selectScenarios(options: BenchOptions): Scenario[] {
  const unknown = options.only?.filter((id) => !SCENARIOS.some((scenario) => scenario.id === id)) ?? [];
  if (unknown.length > 0) throw new BenchUsageError(`--only: no scenario ${unknown.join(', ')}`);
  return SCENARIOS.filter(
    (scenario) =>
      (scenario.of === 'ours' || options.incumbent !== undefined) &&
      (options.only === undefined || options.only.includes(scenario.id)),
  );
}

export const LATENCIES_MS: readonly number[] = [0, 50];
