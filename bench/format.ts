// How figures are printed: decimal units throughout (1 MB = 1,000,000 bytes), so limits read strictly.
import { REQUEST_TARGETS, type RequestCounts } from './scenarios.ts';
import type { Summary } from './stats.ts';

export const MB = 1_000_000;
const KB = 1_000;

export function bytes(value: number): string {
  if (value >= MB) return `${(value / MB).toFixed(2)} MB`;
  return `${(value / KB).toFixed(1)} kB`;
}

const milliseconds = (value: number): string => value.toFixed(value < 10 ? 1 : 0);
export const ms = (value: number): string => `${milliseconds(value)} ms`;
export const times = (value: number): string => `${value.toFixed(2)}×`;
export const megabytes = (value: number): string => (value / MB).toFixed(1);
export const mb = (value: number): string => `${megabytes(value)} MB`;

/** `123 ms (110–140)`: the median, then p10–p90. */
export const msSpread = (summary: Summary): string =>
  `${ms(summary.median)} (${milliseconds(summary.p10)}–${milliseconds(summary.p90)})`;

/** `sts 1, oidc 1`; `none` when the phase made no request. */
export function counts(requests: RequestCounts): string {
  const made = REQUEST_TARGETS.filter((target) => requests[target] > 0);
  return made.length === 0 ? 'none' : made.map((target) => `${target} ${requests[target]}`).join(', ');
}
