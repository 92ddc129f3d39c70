// One measured run of a scenario: a fresh job, the untimed setup, then the timed phase.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AwsTestServer, LoggedRequest } from '../testing/aws-test-server/index.ts';
import { createJob } from '../testing/runner-harness/index.ts';
import type { PeakRssProbes } from './peak-rss.ts';
import {
  type ActionDirs,
  REQUEST_TARGETS,
  type RequestCounts,
  type RequestTarget,
  type Scenario,
} from './scenarios.ts';
import type { SpawnClock } from './spawn-clock.ts';

export interface Sample {
  /** Spawn to exit of the phase, as the harness times it. */
  readonly wallMs: number;
  /** The server's receipt of the first STS request, from the spawn; undefined when there was none. */
  readonly firstStsMs: number | undefined;
  readonly requests: RequestCounts;
  readonly peakRssBytes: number;
}

export interface MeasureContext {
  readonly server: AwsTestServer;
  readonly probes: PeakRssProbes;
  readonly clock: SpawnClock;
  readonly dirs: ActionDirs;
}

export function countRequests(log: readonly LoggedRequest[]): RequestCounts {
  const counts = { sts: 0, oidc: 0, imds: 0, container: 0 };
  for (const entry of log) {
    const target = entry.target as RequestTarget; // no scenario calls rolesanywhere
    if (REQUEST_TARGETS.includes(target)) counts[target]++;
  }
  return counts;
}

/** Runs the timed phase once; `env` goes to the phase's process, with the peak-RSS reporter's. */
async function runOnce(
  scenario: Scenario,
  latencyMs: number,
  ctx: MeasureContext,
  env: Record<string, string>,
) {
  const { server, probes, clock, dirs } = ctx;
  const job = await createJob();
  try {
    server.faults.setLatency(0); // setup is not measured, so it need not wait
    const timed = await scenario.prepare(job, server, dirs);
    server.faults.setLatency(latencyMs);
    server.clearLog();
    const probe = probes.next();
    clock.reset();
    const result = await timed({ ...env, ...probe.env, NODE_OPTIONS: joinOptions(probe.env, env) });
    const spawnedAt = clock.only();
    if (result.problem) throw new Error(`${scenario.label} at ${latencyMs} ms: ${result.problem}`);
    return { result, spawnedAt, log: [...server.requests], peakRssBytes: await probe.read() };
  } finally {
    await job.cleanup();
  }
}

const joinOptions = (...envs: Record<string, string>[]): string =>
  envs
    .map((env) => env.NODE_OPTIONS)
    .filter(Boolean)
    .join(' ');

export async function measureRun(
  scenario: Scenario,
  latencyMs: number,
  ctx: MeasureContext,
): Promise<Sample> {
  const { result, spawnedAt, log, peakRssBytes } = await runOnce(scenario, latencyMs, ctx, {});
  const firstSts = log.find((entry) => entry.target === 'sts');
  return {
    wallMs: result.durationMs,
    firstStsMs: firstSts ? firstSts.at - spawnedAt : undefined,
    requests: countRequests(log),
    peakRssBytes,
  };
}

/** When the source's own first request reached the server, and when the SDK's code began to load. */
export interface OverlapSample {
  readonly sourceRequestMs: number;
  /** Undefined when no file of the SDK was loaded. */
  readonly sdkLoadMs: number | undefined;
}

const LOAD_CLOCK = resolve(import.meta.dirname, 'sdk-load-clock.cjs');

export async function measureOverlap(scenario: Scenario, ctx: MeasureContext): Promise<OverlapSample> {
  const target = scenario.sourceRequest;
  if (!target) throw new Error(`${scenario.label} makes no request of its own`);
  const dir = await mkdtemp(join(tmpdir(), 'aar-bench-load-'));
  try {
    const file = join(dir, 'sdk-load.txt');
    const env = { NODE_OPTIONS: `--require ${JSON.stringify(LOAD_CLOCK)}`, BENCH_SDK_LOAD_FILE: file };
    const { spawnedAt, log } = await runOnce(scenario, 0, ctx, env);
    const first = log.find((entry) => entry.target === target);
    if (!first) throw new Error(`${scenario.label}: no ${target} request reached the server`);
    const loadedAt = (await readFile(file, 'utf8')).trim();
    return {
      sourceRequestMs: first.at - spawnedAt,
      sdkLoadMs: loadedAt ? Number(loadedAt) - spawnedAt : undefined,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const sameCounts = (a: RequestCounts, b: RequestCounts): boolean =>
  REQUEST_TARGETS.every((target) => a[target] === b[target]);
