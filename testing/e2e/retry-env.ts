// The retry policy of these tests: small enough that a retried case costs milliseconds, the same shape as the
// documented defaults (src/net/retry.ts), and handed to the action through the variables it documents.

export interface RetryBounds {
  /** AWS_MAX_ATTEMPTS: calls of one operation, first attempt included. */
  readonly maxAttempts: number;
  /** ASSUME_AWS_ROLE_RETRY_BASE_MS (throttling backs off from 5× this). */
  readonly baseMs: number;
  /** ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS: one attempt's limit. */
  readonly requestTimeoutMs: number;
  /** ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS: no attempt starts later than this after the first. */
  readonly totalTimeoutMs: number;
}

/** Loopback answers in milliseconds, so a second is a generous request timeout even on a busy machine. */
export const FAST: RetryBounds = {
  maxAttempts: 5,
  baseMs: 10,
  requestTimeoutMs: 1000,
  totalTimeoutMs: 4000,
};

export function retryEnv(bounds: RetryBounds = FAST): Record<string, string> {
  return {
    AWS_MAX_ATTEMPTS: String(bounds.maxAttempts),
    ASSUME_AWS_ROLE_RETRY_BASE_MS: String(bounds.baseMs),
    ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS: String(bounds.requestTimeoutMs),
    ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS: String(bounds.totalTimeoutMs),
  };
}

/**
 * The longest a step may take under `bounds`: every attempt may start up to the total timeout after the
 * first and then run for one request timeout; the rest is Node starting and the bundle loading.
 */
export function stepBoundMs(bounds: RetryBounds = FAST): number {
  return bounds.totalTimeoutMs + bounds.requestTimeoutMs + 2000;
}
