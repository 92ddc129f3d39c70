/** Credentials must outlast the step that uses them: fewer minutes left than this are refused. */
export const MIN_VALIDITY_MS = 5 * 60_000;
/** Lowers the limit, for tests of short-lived sessions; expired credentials are refused at any setting. */
export const MIN_VALIDITY_ENV = 'ASSUME_AWS_ROLE_MIN_VALIDITY_MS';

export function minValidityMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env[MIN_VALIDITY_ENV]);
  return Number.isInteger(value) && value >= 0 ? Math.min(value, MIN_VALIDITY_MS) : MIN_VALIDITY_MS;
}

/**
 * Why credentials that expire at `expiration` cannot be used, or undefined when they are good for long
 * enough. A server that hands out such credentials, or a runner clock that is wrong, is named as the cause.
 */
export function expiryProblem(
  expiration: Date | undefined,
  from: string,
  env: NodeJS.ProcessEnv,
  now = Date.now(),
): string | undefined {
  if (!expiration) return undefined;
  const left = expiration.getTime() - now;
  if (Number.isNaN(left)) return `${from} returned credentials with an expiration that is not a date`;
  if (left > 0 && left >= minValidityMs(env)) return undefined;
  const when = left <= 0 ? `expired ${minutes(-left)} ago` : `expire in ${minutes(left)}`;
  return (
    `${from} returned credentials that ${when} (${expiration.toISOString()}, runner clock ${new Date(now).toISOString()}); ` +
    `credentials valid for less than ${MIN_VALIDITY_MS / 60_000} minutes are refused (${MIN_VALIDITY_ENV}). If the runner's clock is wrong, ` +
    'set it right (enable NTP); otherwise the credential service is at fault'
  );
}

const minutes = (ms: number): string => {
  const value = Math.round(ms / 60_000);
  return value < 1 ? 'under a minute' : `${value} minute${value === 1 ? '' : 's'}`;
};
