// The measured runs of one scenario at one latency, summarised; and everything one bench run found.
import type { BenchOptions } from './args.ts';
import type { DistSizes, IncumbentSizes } from './dist-sizes.ts';
import type { Machine } from './machine.ts';
import { type OverlapSample, type Sample, sameCounts } from './measure.ts';
import type { RequestCounts, Scenario, ScenarioId } from './scenarios.ts';
import { type Summary, summarize } from './stats.ts';

export interface CellResult {
  readonly scenario: Scenario;
  readonly latencyMs: number;
  readonly wall: Summary;
  /** Undefined when the phase made no STS request. */
  readonly firstSts: Summary | undefined;
  readonly peakRss: Summary;
  /** The distinct per-run request counts; one entry when every run made the same requests. */
  readonly requestCounts: readonly RequestCounts[];
}

export interface BenchResults {
  readonly options: BenchOptions;
  readonly machine: Machine;
  /** What was measured: the commit checked out, and whether dist/ matched it. */
  readonly action: { readonly commit: string; readonly distMatchesCommit: boolean };
  readonly loadAtEnd: number;
  readonly baseline: { readonly wall: Summary; readonly peakRss: Summary };
  readonly cells: readonly CellResult[];
  readonly sizes: DistSizes;
  /** Undefined without --incumbent. */
  readonly incumbentSizes: IncumbentSizes | undefined;
  /** Per scenario whose source makes its own request: when it arrived, and when the SDK began to load. */
  readonly overlap: readonly { readonly scenario: Scenario; readonly samples: readonly OverlapSample[] }[];
}

export function summarizeCell(scenario: Scenario, latencyMs: number, samples: readonly Sample[]): CellResult {
  const firstSts = samples.flatMap((sample) => (sample.firstStsMs === undefined ? [] : [sample.firstStsMs]));
  const requestCounts: RequestCounts[] = [];
  for (const { requests } of samples) {
    if (!requestCounts.some((seen) => sameCounts(seen, requests))) requestCounts.push(requests);
  }
  return {
    scenario,
    latencyMs,
    wall: summarize(samples.map((sample) => sample.wallMs)),
    firstSts: firstSts.length > 0 ? summarize(firstSts) : undefined,
    peakRss: summarize(samples.map((sample) => sample.peakRssBytes)),
    requestCounts,
  };
}

/** Undefined when the scenario was not run (--only, or the incumbent's without --incumbent). */
export function findCell(results: BenchResults, id: ScenarioId, latencyMs: number): CellResult | undefined {
  return results.cells.find((c) => c.scenario.id === id && c.latencyMs === latencyMs);
}

/** A phase's median wall time over the baseline's median. */
export const ratio = (results: BenchResults, cell: CellResult): number =>
  cell.wall.median / results.baseline.wall.median;
