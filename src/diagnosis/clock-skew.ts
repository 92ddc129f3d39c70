/** A runner clock this far from the server's makes STS refuse signatures (AWS allows 5 minutes). */
export const SKEW_LIMIT_MS = 4 * 60_000;

/** How far the runner's clock is from the server's (positive: the runner is behind), from a reply's Date. */
export function clockSkewMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } })?.$response
    ?.headers;
  const date = headers?.date ?? headers?.Date;
  const serverTime = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(serverTime) ? undefined : serverTime - now;
}

/** "the runner's clock is 20 minutes behind STS", when it is off by more than the limit. */
export function clockSkewDiagnosis(skewMs: number | undefined, server: string): string | undefined {
  if (skewMs === undefined || Math.abs(skewMs) < SKEW_LIMIT_MS) return undefined;
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  return (
    `the runner's clock is ${minutes} minutes ${skewMs > 0 ? 'behind' : 'ahead of'} ${server}, so its ` +
    'signatures are refused; set the clock right (enable NTP, e.g. `timedatectl set-ntp true` or ' +
    '`w32tm /resync` on Windows) and rerun'
  );
}
