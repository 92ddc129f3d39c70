// The targets, each checked against this run's figures.
import { bytes, counts, MB, mb, ms, times } from './format.ts';
import { sameCounts } from './measure.ts';
import { type BenchResults, type CellResult, findCell, ratio } from './results.ts';

export interface TargetCheck {
  readonly name: string;
  readonly goal: string;
  readonly figure: string;
  readonly met: boolean;
}

export const LIMITS = {
  oidcTimesBaseline: 3,
  postTimesBaseline: 2,
  mainBundleBytes: 1 * MB,
  tenProfilesTimesOne: 1.5,
  peakRssBytes: 80 * MB,
} as const;

const at = (cell: CellResult) => `${cell.scenario.label} at ${cell.latencyMs} ms`;

function requestsTarget(results: BenchResults): TargetCheck {
  const wrong = results.cells.filter((cell) => {
    const [only, ...others] = cell.requestCounts;
    return only === undefined || others.length > 0 || !sameCounts(only, cell.scenario.expected);
  });
  const runs = results.cells.reduce((sum, cell) => sum + cell.wall.n, 0);
  return {
    name: 'Requests',
    goal: "exactly one STS request per hop, nothing beyond the source's own",
    figure:
      wrong.length === 0
        ? `as expected in all ${runs} runs of ${results.cells.length} scenario × latency cells`
        : wrong
            .map(
              (cell) =>
                `${at(cell)}: ${cell.requestCounts.map(counts).join(' / ')} (expected ${counts(cell.scenario.expected)})`,
            )
            .join('; '),
    met: wrong.length === 0,
  };
}

function timesBaseline(results: BenchResults, cell: CellResult, name: string, limit: number): TargetCheck {
  const value = ratio(results, cell);
  return {
    name,
    goal: `≤ ${times(limit)} baseline`,
    figure: `${times(value)} (${ms(cell.wall.median)} vs ${ms(results.baseline.wall.median)})`,
    met: value <= limit,
  };
}

export function checkTargets(results: BenchResults): TargetCheck[] {
  // The entry and every chunk it may load: what the incumbent's single 3.04 MB file is compared with.
  const main = results.sizes.phases.main.bundle + results.sizes.phases.main.chunks;
  const one = findCell(results, 'hub1', 50);
  const ten = findCell(results, 'hub10', 50);
  const tenOverOne = ten.wall.median / one.wall.median;
  const heaviest = results.cells.reduce((top, cell) => (cell.peakRss.max > top.peakRss.max ? cell : top));
  return [
    requestsTarget(results),
    timesBaseline(
      results,
      findCell(results, 'oidc', 0),
      'oidc + 1 role, whole step, 0 ms',
      LIMITS.oidcTimesBaseline,
    ),
    timesBaseline(
      results,
      findCell(results, 'oidc-warm', 0),
      'the same, compile cache warm (later steps, self-hosted runners)',
      LIMITS.oidcTimesBaseline,
    ),
    timesBaseline(
      results,
      findCell(results, 'post-none', 0),
      'post step, nothing written',
      LIMITS.postTimesBaseline,
    ),
    timesBaseline(
      results,
      findCell(results, 'post-profiles', 0),
      'post step, 10 profiles to remove',
      LIMITS.postTimesBaseline,
    ),
    {
      name: 'Main bundle',
      goal: `dist/main/ (entry and all its chunks) ≤ ${bytes(LIMITS.mainBundleBytes)}`,
      figure: bytes(main),
      met: main <= LIMITS.mainBundleBytes,
    },
    {
      name: '10 profiles vs 1 via a hub, 50 ms',
      goal: `≤ ${times(LIMITS.tenProfilesTimesOne)} one profile`,
      figure: `${times(tenOverOne)} (${ms(ten.wall.median)} vs ${ms(one.wall.median)})`,
      met: tenOverOne <= LIMITS.tenProfilesTimesOne,
    },
    {
      name: 'Peak RSS',
      goal: `≤ ${mb(LIMITS.peakRssBytes)} in every run`,
      figure: `${mb(heaviest.peakRss.max)} at most (${at(heaviest)})`,
      met: heaviest.peakRss.max <= LIMITS.peakRssBytes,
    },
  ];
}
