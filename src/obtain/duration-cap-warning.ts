import type { HopRecord } from './result.ts';

/** One sentence for all hops whose duration STS's role-chaining limit shortened, or undefined. */
export function durationCapWarning(hops: readonly HopRecord[]): string | undefined {
  const capped = hops.filter((hop) => hop.cappedFrom !== undefined);
  const first = capped[0];
  if (!first) return undefined;
  return (
    `duration ${first.cappedFrom}s was lowered to ${first.durationSeconds}s on ${capped.length} hop(s) ` +
    `(${capped.map((hop) => hop.position).join(', ')}): their caller is a role session, and STS allows role chaining at most 1 hour`
  );
}
