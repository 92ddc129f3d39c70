// The targets, each checked against this run's figures; a figure this run did not measure says so.
import { bytes, counts, MB, mb, ms, times } from './format.ts';
import { sameCounts } from './measure.ts';
import { type BenchResults, type CellResult, findCell, ratio } from './results.ts';
import type { ScenarioId } from './scenarios.ts';

export interface TargetCheck {
  readonly name: string;
  readonly goal: string;
  readonly figure: string;
  /** Undefined when this run did not measure it. */
  readonly met: boolean | undefined;
}

export const LIMITS = {
  stepTimesBaseline: 3.5,
  stepTimesIncumbent: 0.55,
  postTimesBaseline: 1.15,
  postProfilesTimesBaseline: 2,
  cliTimesBaseline: 4,
  mainLoadableBytes: 350_000,
  tenProfilesTimesOne: 1.5,
  oneRolePeakRssBytes: 70 * MB,
} as const;

export const NOT_MEASURED = 'not measured';

const at = (cell: CellResult) => `${cell.scenario.label} at ${cell.latencyMs} ms`;
const notMeasured = (name: string, goal: string): TargetCheck => ({
  name,
  goal,
  figure: NOT_MEASURED,
  met: undefined,
});

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

function timesBaseline(results: BenchResults, id: ScenarioId, name: string, limit: number): TargetCheck {
  const goal = `≤ ${times(limit)} baseline`;
  const cell = findCell(results, id, 0);
  if (!cell) return notMeasured(name, goal);
  const value = ratio(results, cell);
  return {
    name,
    goal,
    figure: `${times(value)} (${ms(cell.wall.median)} vs ${ms(results.baseline.wall.median)})`,
    met: value <= limit,
  };
}

function timesIncumbent(
  results: BenchResults,
  id: ScenarioId,
  theirs: ScenarioId,
  name: string,
): TargetCheck {
  const goal = `≤ ${times(LIMITS.stepTimesIncumbent)} the incumbent`;
  const ours = findCell(results, id, 0);
  const incumbent = findCell(results, theirs, 0);
  if (!ours || !incumbent) return notMeasured(name, goal);
  const value = ours.wall.median / incumbent.wall.median;
  return {
    name,
    goal,
    figure: `${times(value)} (${ms(ours.wall.median)} vs ${ms(incumbent.wall.median)})`,
    met: value <= LIMITS.stepTimesIncumbent,
  };
}

function overlapTarget(results: BenchResults): TargetCheck {
  const name = "The source's first request on the wire before the SDK starts loading";
  const goal = 'in every probe run, the server received it before the first SDK file began to load';
  const ours = results.overlap.filter((probe) => probe.scenario.of === 'ours');
  if (ours.length === 0) return notMeasured(name, goal);
  const lines = ours.map(({ scenario, samples }) => {
    const first = samples.filter((s) => s.sdkLoadMs === undefined || s.sourceRequestMs <= s.sdkLoadMs).length;
    return { label: scenario.label, first, n: samples.length };
  });
  return {
    name,
    goal,
    figure: lines.map((line) => `${line.label}: ${line.first} of ${line.n}`).join('; '),
    met: lines.every((line) => line.first === line.n),
  };
}

function tenProfilesTarget(results: BenchResults): TargetCheck {
  const name = '10 profiles vs 1 via a hub, 50 ms';
  const goal = `≤ ${times(LIMITS.tenProfilesTimesOne)} one profile`;
  const one = findCell(results, 'hub1', 50);
  const ten = findCell(results, 'hub10', 50);
  if (!one || !ten) return notMeasured(name, goal);
  const value = ten.wall.median / one.wall.median;
  return {
    name,
    goal,
    figure: `${times(value)} (${ms(ten.wall.median)} vs ${ms(one.wall.median)})`,
    met: value <= LIMITS.tenProfilesTimesOne,
  };
}

function peakRssTarget(results: BenchResults): TargetCheck {
  const name = 'Peak RSS, one role';
  const goal = `≤ ${mb(LIMITS.oneRolePeakRssBytes)} in every run`;
  const oneRole: ScenarioId[] = ['keys', 'oidc', 'imds', 'cli-keys'];
  const cells = results.cells.filter((cell) => oneRole.includes(cell.scenario.id));
  if (cells.length === 0) return notMeasured(name, goal);
  const heaviest = cells.reduce((top, cell) => (cell.peakRss.max > top.peakRss.max ? cell : top));
  return {
    name,
    goal,
    figure: `${mb(heaviest.peakRss.max)} at most (${at(heaviest)})`,
    met: heaviest.peakRss.max <= LIMITS.oneRolePeakRssBytes,
  };
}

export function checkTargets(results: BenchResults): TargetCheck[] {
  const loadable = results.sizes.mainLoadable;
  return [
    requestsTarget(results),
    timesIncumbent(results, 'oidc', 'incumbent-oidc', 'oidc + 1 role, whole step, 0 ms'),
    timesBaseline(results, 'oidc', 'oidc + 1 role, whole step, 0 ms', LIMITS.stepTimesBaseline),
    timesIncumbent(results, 'keys', 'incumbent-keys', 'keys + 1 role, whole step, 0 ms'),
    timesBaseline(results, 'keys', 'keys + 1 role, whole step, 0 ms', LIMITS.stepTimesBaseline),
    overlapTarget(results),
    timesBaseline(results, 'post-none', 'post step, nothing written', LIMITS.postTimesBaseline),
    timesBaseline(
      results,
      'post-profiles',
      'post step, 10 profiles to remove',
      LIMITS.postProfilesTimesBaseline,
    ),
    timesBaseline(results, 'cli-keys', 'CLI, keys + 1 role, printing sh', LIMITS.cliTimesBaseline),
    {
      name: 'What the main phase can load',
      goal: `dist/main.js, dist/main/ (entry and all its chunks) ≤ ${bytes(LIMITS.mainLoadableBytes)}`,
      figure: bytes(loadable),
      met: loadable <= LIMITS.mainLoadableBytes,
    },
    tenProfilesTarget(results),
    peakRssTarget(results),
  ];
}
