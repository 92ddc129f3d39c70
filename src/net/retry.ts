/** How often and how long a call is tried again. One policy serves STS and the sources' endpoints. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly throttleBaseDelayMs: number;
  readonly maxDelayMs: number;
  /** Each attempt's own time limit. */
  readonly requestTimeoutMs: number;
  /** The whole call, attempts and waits between them, ends when this much time has passed since the first. */
  readonly totalTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10, // rides out throttling of a wide matrix: at 30% throttled, a call fails 1 time in 170,000
  baseDelayMs: 100,
  throttleBaseDelayMs: 500, // the SDK's own base for throttling
  maxDelayMs: 5_000,
  requestTimeoutMs: 10_000,
  totalTimeoutMs: 60_000,
};

/** `retry` for transient faults, `throttle` to back off harder, `fail` for what no retry can fix. */
export type RetryVerdict = 'retry' | 'throttle' | 'fail';

/** The longest time a timer can wait: Node fires a longer one after 1 ms, with a warning. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A tuning variable: an integer of at least `min`, else `fallback` (junk is ignored, not an error);
 * capped where a timer could no longer wait it out.
 */
export function integerFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = Number(env[name]);
  return Number.isInteger(value) && value >= min ? Math.min(value, MAX_TIMER_MS) : fallback;
}

/** Tuning for slow networks and fast tests: AWS_MAX_ATTEMPTS and ASSUME_AWS_ROLE_* variables. */
export function retryPolicyFromEnv(env: NodeJS.ProcessEnv): RetryPolicy {
  const number = (name: string, fallback: number, min: number) => integerFromEnv(env, name, fallback, min);
  const base = number('ASSUME_AWS_ROLE_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 0);
  return {
    maxAttempts: number('AWS_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts, 1),
    baseDelayMs: base,
    throttleBaseDelayMs: base * 5,
    maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
    requestTimeoutMs: number('ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS', DEFAULT_RETRY_POLICY.requestTimeoutMs, 1),
    totalTimeoutMs: number('ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS', DEFAULT_RETRY_POLICY.totalTimeoutMs, 1),
  };
}

export interface RetryReport {
  attempt: number;
  delayMs: number;
  error: unknown;
}

/** The call's total time ran out, in the middle of an attempt or between two. */
export class TotalTimeoutError extends Error {
  override name = 'TotalTimeoutError';
}

/**
 * Runs `operation` until it succeeds, fails for good, or the policy's attempts or time run out. The total
 * time holds at every point: `signal` aborts the attempt in flight when it runs out, and the attempt is
 * abandoned even if it ignores the signal.
 */
export async function withRetry<T>(
  operation: (attempt: number, signal: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
  classify: (error: unknown) => RetryVerdict,
  onRetry?: (report: RetryReport) => void,
): Promise<T> {
  const started = Date.now();
  const budget = new AbortController();
  const expired = new Promise<never>((_, reject) => {
    budget.signal.addEventListener('abort', () => reject(budget.signal.reason), { once: true });
  });
  expired.catch(() => {}); // only ever awaited through the race below
  const timer = setTimeout(() => {
    budget.abort(
      new TotalTimeoutError(
        `no answer within the total time limit of ${policy.totalTimeoutMs} ms (ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS)`,
      ),
    );
  }, policy.totalTimeoutMs);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await Promise.race([operation(attempt, budget.signal), expired]);
      } catch (error) {
        if (budget.signal.aborted) throw budget.signal.reason;
        const verdict = classify(error);
        if (verdict === 'fail' || attempt >= policy.maxAttempts) throw error;
        const base = verdict === 'throttle' ? policy.throttleBaseDelayMs : policy.baseDelayMs;
        const delayMs = Math.round(Math.random() * Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1)));
        if (Date.now() - started + delayMs >= policy.totalTimeoutMs) throw error;
        onRetry?.({ attempt, delayMs, error });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
