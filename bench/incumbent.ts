// aws-actions/configure-aws-credentials v6.2.3 as this project measured it, once
// (Node 20, 2 vCPU, median of 10). Its ratios compare across machines better than its milliseconds.
import { bytes, times } from './format.ts';
import { type BenchResults, findCell, ratio } from './results.ts';

export interface Comparison {
  readonly figure: string;
  readonly incumbent: string;
  readonly ours: string;
}

const INCUMBENT = {
  baselineMs: 24,
  oidcRoleMs: 170,
  loadBundleMs: 89,
  mainBundle: '3.04 MB',
  postBundle: '0.8 MB',
  keysRoleStsCalls: 3,
  oidcRoleStsCalls: 2,
} as const;

export function compareWithIncumbent(results: BenchResults): Comparison[] {
  const { main, post } = results.sizes.phases;
  const stsOf = (id: 'keys' | 'oidc') => String(findCell(results, id, 0).scenario.expected.sts);
  const x = (ms: number) => times(ms / INCUMBENT.baselineMs);
  return [
    {
      figure: 'oidc + 1 role, whole step / baseline',
      incumbent: `~${x(INCUMBENT.oidcRoleMs)} (${INCUMBENT.oidcRoleMs} ms vs ${INCUMBENT.baselineMs} ms)`,
      ours: times(ratio(results, findCell(results, 'oidc', 0))),
    },
    {
      figure: 'loading the bundle / baseline',
      incumbent: `${x(INCUMBENT.loadBundleMs)} (${INCUMBENT.loadBundleMs} ms)`,
      ours:
        `main ${times(ratio(results, findCell(results, 'main-refused', 0)))} (refused input), ` +
        `post ${times(ratio(results, findCell(results, 'post-none', 0)))} (nothing written)`,
    },
    {
      figure: 'main bundle',
      incumbent: INCUMBENT.mainBundle,
      ours: `${bytes(main.bundle + main.chunks)} (entry ${bytes(main.bundle)} and its lazy chunks)`,
    },
    {
      figure: 'post bundle',
      incumbent: INCUMBENT.postBundle,
      ours: `${bytes(post.bundle)} (+${bytes(post.chunks)} loaded only when profiles were written)`,
    },
    {
      figure: 'STS calls, keys + 1 role',
      incumbent: String(INCUMBENT.keysRoleStsCalls),
      ours: stsOf('keys'),
    },
    {
      figure: 'STS calls, oidc + 1 role',
      incumbent: String(INCUMBENT.oidcRoleStsCalls),
      ours: stsOf('oidc'),
    },
  ];
}
