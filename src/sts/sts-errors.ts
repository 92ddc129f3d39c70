import { isTransientNetworkError } from '../net/http-request.ts';
import type { RetryVerdict } from '../net/retry.ts';

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
]);
const TRANSIENT_CODES = new Set([
  'IDPCommunicationError',
  'IDPCommunicationErrorException',
  'InternalFailure',
  'ServiceUnavailable',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** STS's error code: the SDK puts it in `name`; it drops the `Exception` suffix inconsistently. */
export function stsErrorCode(error: unknown): string {
  const name = (error as { name?: unknown })?.name;
  return typeof name === 'string' ? name : 'UnknownError';
}

export function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** Retry only what can succeed on a retry: throttling, 5xx, network faults, IDP communication errors. */
export function classifyStsError(error: unknown): RetryVerdict {
  const code = stsErrorCode(error);
  if (THROTTLING_CODES.has(code) || httpStatusOf(error) === 429) return 'throttle';
  if (TRANSIENT_CODES.has(code)) return 'retry';
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 500) return 'retry';
  if (isTransientNetworkError(error)) return 'retry';
  return 'fail';
}
