// A failed hop says whether STS decided (a refusal: the same call fails again) or could not be had
// (unreachable, 5xx, throttled: the same call may succeed later). The CLI exits differently for each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnoseHopFailure, type HopContext } from '../../src/diagnosis/diagnose-hop-failure.ts';

const HOP: HopContext = {
  position: 'hop 1 of 1',
  operation: 'AssumeRole',
  roleArn: 'arn:aws:iam::111111111111:role/r',
  caller: 'arn:aws:iam::111111111111:user/u',
  callerIsSource: true,
  sourceName: 'env',
  tagsSent: false,
  endpoint: 'https://sts.us-east-1.amazonaws.com',
};

/** An error shaped as the SDK throws it: a service error with its HTTP status, or a Node network error. */
function sdkError(name: string, status?: number, code?: string): Error {
  const error = Object.assign(new Error(`${name} happened`), { name });
  if (status !== undefined) Object.assign(error, { $metadata: { httpStatusCode: status } });
  if (code !== undefined) Object.assign(error, { code });
  return error;
}

const CASES = [
  { error: sdkError('AccessDenied', 403), unavailable: false },
  { error: sdkError('ExpiredToken', 400), unavailable: false },
  { error: sdkError('ValidationError', 400), unavailable: false },
  { error: sdkError('RegionDisabledException', 403), unavailable: false },
  { error: sdkError('Throttling', 400), unavailable: true },
  { error: sdkError('TooManyRequestsException', 429), unavailable: true },
  { error: sdkError('InternalFailure', 500), unavailable: true },
  { error: sdkError('ServiceUnavailable', 503), unavailable: true },
  { error: sdkError('Error', undefined, 'ENOTFOUND'), unavailable: true },
  { error: sdkError('Error', undefined, 'ECONNREFUSED'), unavailable: true },
  { error: sdkError('TimeoutError'), unavailable: true },
];

for (const { error, unavailable } of CASES) {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const label = `${error.name}${status ? ` (${status})` : ''}${'code' in error ? ` ${error.code}` : ''}`;
  test(`${label} is ${unavailable ? 'STS unavailable' : 'a refusal STS made'}`, () => {
    assert.equal(diagnoseHopFailure(error, HOP).unavailable, unavailable);
  });
}
