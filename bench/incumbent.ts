// configure-aws-credentials, raced in the same run (--incumbent DIR): the same server, Node and
// machine, interleaved with ours. Without --incumbent its column says "not measured".
import { bytes, mb, ms, times } from './format.ts';
import { type BenchResults, type CellResult, findCell, ratio } from './results.ts';
import type { ScenarioId } from './scenarios.ts';
import { NOT_MEASURED } from './targets.ts';

export interface Comparison {
  readonly figure: string;
  readonly incumbent: string;
  readonly ours: string;
}

function step(results: BenchResults, cell: CellResult | undefined): string {
  return cell ? `${ms(cell.wall.median)} (${times(ratio(results, cell))} baseline)` : NOT_MEASURED;
}

function stepRow(results: BenchResults, figure: string, ours: ScenarioId, theirs: ScenarioId): Comparison {
  return {
    figure,
    incumbent: step(results, findCell(results, theirs, 0)),
    ours: step(results, findCell(results, ours, 0)),
  };
}

function stsCalls(cell: CellResult | undefined): string {
  return cell ? cell.requestCounts.map((requests) => String(requests.sts)).join(' / ') : NOT_MEASURED;
}

export function compareWithIncumbent(results: BenchResults): Comparison[] {
  const { incumbentSizes, sizes } = results;
  const rss = (id: ScenarioId) => {
    const cell = findCell(results, id, 0);
    return cell ? mb(cell.peakRss.median) : NOT_MEASURED;
  };
  return [
    stepRow(results, 'oidc + 1 role, whole step, 0 ms', 'oidc', 'incumbent-oidc'),
    stepRow(results, 'keys + 1 role, whole step, 0 ms', 'keys', 'incumbent-keys'),
    stepRow(results, 'post, nothing written', 'post-none', 'incumbent-post'),
    {
      figure: 'STS calls, keys + 1 role',
      incumbent: stsCalls(findCell(results, 'incumbent-keys', 0)),
      ours: stsCalls(findCell(results, 'keys', 0)),
    },
    {
      figure: 'STS calls, oidc + 1 role',
      incumbent: stsCalls(findCell(results, 'incumbent-oidc', 0)),
      ours: stsCalls(findCell(results, 'oidc', 0)),
    },
    { figure: 'peak RSS, oidc + 1 role', incumbent: rss('incumbent-oidc'), ours: rss('oidc') },
    {
      figure: 'what the main phase can load',
      incumbent: incumbentSizes ? bytes(incumbentSizes.main) : NOT_MEASURED,
      ours: bytes(sizes.mainLoadable),
    },
    {
      figure: 'post bundle',
      incumbent: incumbentSizes ? bytes(incumbentSizes.post) : NOT_MEASURED,
      ours: `${bytes(sizes.phases.post.bundle)} (+${bytes(sizes.phases.post.chunks)} loaded only when profiles were written)`,
    },
  ];
}
