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

/**
 * Errors the SDK models are named after their class, not the code STS sent (InvalidIdentityToken arrives
 * as InvalidIdentityTokenException): back to the documented codes, which the rest of the code matches.
 */
const WIRE_CODES: Readonly<Record<string, string>> = {
  IDPCommunicationErrorException: 'IDPCommunicationError',
  IDPRejectedClaimException: 'IDPRejectedClaim',
  InvalidIdentityTokenException: 'InvalidIdentityToken',
  MalformedPolicyDocumentException: 'MalformedPolicyDocument',
  PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
};

/** STS's error code: the SDK puts it in `name`; it drops the `Exception` suffix inconsistently. */
export function stsErrorCode(error: unknown): string {
  const name = (error as { name?: unknown })?.name;
  if (typeof name !== 'string') return 'UnknownError';
  return WIRE_CODES[name] ?? name;
}

export function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** Retry only what can succeed on a retry: throttling, 5xx, network faults, IDP communication errors. */
export function classifyStsError(error: unknown): RetryVerdict {
  const code = stsErrorCode(error);
  if (THROTTLING_CODES.has(code) || httpStatusOf(error) === 429) return 'throttle';
  if (TRANSIENT_CODES.has(code)) return 'retry';
  // The SDK learnt the server's time from this refusal and signs the next attempt with it.
  if ((error as { $metadata?: { clockSkewCorrected?: boolean } })?.$metadata?.clockSkewCorrected)
    return 'retry';
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 500) return 'retry';
  if (isTransientNetworkError(error)) return 'retry';
  return 'fail';
}
