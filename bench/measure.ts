// One measured run of a scenario: a fresh job, the untimed setup, then the timed phase.
import type { AwsTestServer, LoggedRequest } from '../testing/aws-test-server/index.ts';
import { createJob } from '../testing/runner-harness/index.ts';
import type { PeakRssProbes } from './peak-rss.ts';
import { REQUEST_TARGETS, type RequestCounts, type Scenario } from './scenarios.ts';
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
  /** The action directory to run (a snapshot of action.yml and dist/). */
  readonly actionDir: string;
}

export function countRequests(log: readonly LoggedRequest[]): RequestCounts {
  const counts = { sts: 0, oidc: 0, imds: 0, container: 0 };
  // The action's scenarios never reach the SSO portal (only a CLI profile does).
  for (const entry of log) if (entry.target !== 'control' && entry.target !== 'sso') counts[entry.target]++;
  return counts;
}

export async function measureRun(
  scenario: Scenario,
  latencyMs: number,
  ctx: MeasureContext,
): Promise<Sample> {
  const { server, probes, clock, actionDir } = ctx;
  const job = await createJob();
  try {
    server.faults.setLatency(0); // setup is not measured, so it need not wait
    const timed = await scenario.prepare(job, server, actionDir);
    server.faults.setLatency(latencyMs);
    server.clearLog();
    const probe = probes.next();
    clock.reset();
    const result = await timed(probe.env);
    const spawnedAt = clock.only();
    const problem = scenario.problem(result);
    if (problem) throw new Error(`${scenario.label} at ${latencyMs} ms: ${problem}`);
    const log = [...server.requests];
    const firstSts = log.find((entry) => entry.target === 'sts');
    return {
      wallMs: result.durationMs,
      firstStsMs: firstSts ? firstSts.at - spawnedAt : undefined,
      requests: countRequests(log),
      peakRssBytes: await probe.read(),
    };
  } finally {
    await job.cleanup();
  }
}

export const sameCounts = (a: RequestCounts, b: RequestCounts): boolean =>
  REQUEST_TARGETS.every((target) => a[target] === b[target]);
