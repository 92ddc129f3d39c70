import type { AwsCredentials } from '../../credentials.ts';
import { assertPortableValue, expirationIso } from '../formats/format-error.ts';

export const ENV_ACCESS_KEY_ID = 'AWS_ACCESS_KEY_ID';
export const ENV_SECRET_ACCESS_KEY = 'AWS_SECRET_ACCESS_KEY';
export const ENV_SESSION_TOKEN = 'AWS_SESSION_TOKEN';
/** boto2's name for the session token; botocore still falls back to it when AWS_SESSION_TOKEN is unset. */
export const ENV_SECURITY_TOKEN = 'AWS_SECURITY_TOKEN';
export const ENV_CREDENTIAL_EXPIRATION = 'AWS_CREDENTIAL_EXPIRATION';
export const ENV_REGION = 'AWS_REGION';
export const ENV_DEFAULT_REGION = 'AWS_DEFAULT_REGION';
/** The JS SDK skips environment credentials altogether while AWS_PROFILE is set. */
export const ENV_PROFILE = 'AWS_PROFILE';
export const ENV_DEFAULT_PROFILE = 'AWS_DEFAULT_PROFILE';
/** Attached to environment credentials by the JS SDK and botocore: a stale one routes to another account. */
export const ENV_ACCOUNT_ID = 'AWS_ACCOUNT_ID';
export const ENV_CREDENTIAL_SCOPE = 'AWS_CREDENTIAL_SCOPE';

/** One variable to set, or, when `value` is undefined, to remove so that a stale one cannot linger. */
export interface EnvChange {
  readonly name: string;
  readonly value: string | undefined;
}

/**
 * The environment changes that make every SDK and the AWS CLI use `creds`: removals first, then
 * assignments, so a shell that sources the result ends on a successful assignment.
 *
 * Removed: AWS_SESSION_TOKEN and AWS_CREDENTIAL_EXPIRATION when unknown (a stale token would
 * otherwise be sent with the new keys), AWS_SECURITY_TOKEN always, and AWS_PROFILE and
 * AWS_DEFAULT_PROFILE, which would make the JS SDK ignore the exported keys, and AWS_ACCOUNT_ID and
 * AWS_CREDENTIAL_SCOPE, which the SDKs attach to environment keys (account-based endpoints).
 * The region variables are set when a region is known and left alone otherwise.
 */
export function credentialEnvChanges(creds: AwsCredentials, region?: string): EnvChange[] {
  const sessionToken = creds.sessionToken || undefined;
  const expiration = creds.expiration === undefined ? undefined : expirationIso(creds.expiration);
  const changes: EnvChange[] = [
    { name: ENV_ACCESS_KEY_ID, value: creds.accessKeyId },
    { name: ENV_SECRET_ACCESS_KEY, value: creds.secretAccessKey },
    { name: ENV_SESSION_TOKEN, value: sessionToken },
    { name: ENV_SECURITY_TOKEN, value: undefined },
    { name: ENV_CREDENTIAL_EXPIRATION, value: expiration },
    { name: ENV_PROFILE, value: undefined },
    { name: ENV_DEFAULT_PROFILE, value: undefined },
    { name: ENV_ACCOUNT_ID, value: undefined },
    { name: ENV_CREDENTIAL_SCOPE, value: undefined },
  ];
  if (region) {
    changes.push({ name: ENV_REGION, value: region }, { name: ENV_DEFAULT_REGION, value: region });
  }
  for (const change of changes) {
    if (change.value !== undefined) assertPortableValue(change.name, change.value);
  }
  const removals = changes.filter((change) => change.value === undefined);
  const assignments = changes.filter((change) => change.value !== undefined);
  return [...removals, ...assignments];
}
