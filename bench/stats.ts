// Order statistics of repeated measurements: the median and the spread around it.

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly p10: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of ascending values, interpolating linearly between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside 0..1`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

export function summarize(values: readonly number[]): Summary {
  if (values.some((value) => !Number.isFinite(value))) throw new RangeError('values must be finite numbers');
  const sorted = values.toSorted((a, b) => a - b);
  return {
    n: sorted.length,
    min: quantile(sorted, 0),
    p10: quantile(sorted, 0.1),
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    max: quantile(sorted, 1),
  };
}
