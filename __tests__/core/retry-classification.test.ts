// Which failures are worth another attempt, one row per rule: STS's codes and statuses, the SDK's names for
// them, and network faults. Retry only what can succeed on a retry.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HttpTimeoutError, isTransientNetworkError } from '../../src/net/http-request.ts';
import type { RetryVerdict } from '../../src/net/retry.ts';
import { classifyStsError, httpStatusOf, stsErrorCode } from '../../src/sts/sts-errors.ts';

/** An error shaped as the SDK throws it: the code in `name`, the HTTP status in `$metadata`. */
function stsError(name: string, status?: number): Error {
  const error = new Error(`${name} from STS`);
  error.name = name;
  return Object.assign(error, status === undefined ? {} : { $metadata: { httpStatusCode: status } });
}
const networkError = (code: string) => Object.assign(new Error(`socket: ${code}`), { code });

describe('classifyStsError', () => {
  const rows: [name: string, error: unknown, verdict: RetryVerdict][] = [
    ['Throttling backs off harder', stsError('Throttling', 400), 'throttle'],
    ['ThrottlingException backs off harder', stsError('ThrottlingException', 400), 'throttle'],
    ['RequestLimitExceeded backs off harder', stsError('RequestLimitExceeded', 400), 'throttle'],
    ['TooManyRequestsException backs off harder', stsError('TooManyRequestsException', 400), 'throttle'],
    ['RequestThrottled backs off harder', stsError('RequestThrottled', 400), 'throttle'],
    ['any 429 backs off harder, whatever its code', stsError('SomethingNew', 429), 'throttle'],
    ['IDPCommunicationError is retried', stsError('IDPCommunicationError', 400), 'retry'],
    [
      'the SDK name IDPCommunicationErrorException is retried',
      stsError('IDPCommunicationErrorException', 400),
      'retry',
    ],
    ['InternalFailure is retried', stsError('InternalFailure', 500), 'retry'],
    ['ServiceUnavailable is retried', stsError('ServiceUnavailable', 503), 'retry'],
    ['RequestTimeout is retried', stsError('RequestTimeout', 408), 'retry'],
    ['RequestTimeoutException is retried', stsError('RequestTimeoutException', 408), 'retry'],
    ["the SDK's TimeoutError is retried", stsError('TimeoutError'), 'retry'],
    ['any 5xx is retried, whatever its code', stsError('SomethingNew', 502), 'retry'],
    ['a connection reset is retried', networkError('ECONNRESET'), 'retry'],
    ['a request that got no answer in time is retried', new HttpTimeoutError('no answer'), 'retry'],
    ['AccessDenied fails at once', stsError('AccessDenied', 403), 'fail'],
    ['ExpiredToken fails at once', stsError('ExpiredToken', 400), 'fail'],
    ['InvalidIdentityToken fails at once', stsError('InvalidIdentityTokenException', 400), 'fail'],
    ['a ValidationError fails at once', stsError('ValidationError', 400), 'fail'],
    ['any other 4xx fails at once', stsError('SomethingNew', 404), 'fail'],
    ['a refused connection fails at once: nothing listens', networkError('ECONNREFUSED'), 'fail'],
    ['an unknown host fails at once', networkError('ENOTFOUND'), 'fail'],
    ['something that is not an error fails at once', 'a thrown string', 'fail'],
  ];
  for (const [name, error, verdict] of rows) test(name, () => assert.equal(classifyStsError(error), verdict));
});

describe('isTransientNetworkError', () => {
  const rows: [code: string, transient: boolean][] = [
    ['ECONNRESET', true],
    ['EPIPE', true],
    ['ETIMEDOUT', true],
    ['EAI_AGAIN', true],
    ['ENETUNREACH', true],
    ['EHOSTUNREACH', true],
    ['ECONNREFUSED', false],
    ['ENOTFOUND', false],
    ['CERT_HAS_EXPIRED', false],
  ];
  for (const [code, transient] of rows)
    test(`${code} is ${transient ? '' : 'not '}worth another attempt`, () =>
      assert.equal(isTransientNetworkError(networkError(code)), transient));

  test("a proxy's 5xx or 429 to the tunnel request is; its 407 or 403 is not", () => {
    const tunnel = (statusCode: number) =>
      Object.assign(new Error('Failed to establish tunnel'), { code: 'ERR_PROXY_TUNNEL', statusCode });
    for (const [status, transient] of [
      [503, true],
      [502, true],
      [429, true],
      [407, false],
      [403, false],
    ] as const)
      assert.equal(isTransientNetworkError(tunnel(status)), transient, String(status));
    assert.equal(classifyStsError(tunnel(503)), 'retry');
  });

  test('a timeout of our own is; an error without a code is not', () => {
    assert.equal(isTransientNetworkError(new HttpTimeoutError('no answer')), true);
    assert.equal(isTransientNetworkError(new Error('plain')), false);
    assert.equal(isTransientNetworkError(undefined), false);
  });
});

describe('reading the code and status of an SDK error', () => {
  const rows: [sdkName: string, code: string][] = [
    ['IDPCommunicationErrorException', 'IDPCommunicationError'],
    ['IDPRejectedClaimException', 'IDPRejectedClaim'],
    ['InvalidIdentityTokenException', 'InvalidIdentityToken'],
    ['MalformedPolicyDocumentException', 'MalformedPolicyDocument'],
    ['PackedPolicyTooLargeException', 'PackedPolicyTooLarge'],
    ['RegionDisabledException', 'RegionDisabledException'],
    ['ExpiredTokenException', 'ExpiredTokenException'],
    ['AccessDenied', 'AccessDenied'],
  ];
  for (const [sdkName, code] of rows)
    test(`${sdkName} reads as ${code}`, () => assert.equal(stsErrorCode(stsError(sdkName)), code));

  test('anything without a name is UnknownError; the status comes from $metadata or is undefined', () => {
    assert.equal(stsErrorCode('a thrown string'), 'UnknownError');
    assert.equal(stsErrorCode(null), 'UnknownError');
    assert.equal(httpStatusOf(stsError('AccessDenied', 403)), 403);
    assert.equal(httpStatusOf(new Error('no metadata')), undefined);
    assert.equal(httpStatusOf(undefined), undefined);
  });
});
