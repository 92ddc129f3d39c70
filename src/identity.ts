import type { AwsCredentials } from './credentials.ts';

/** Credentials with what is known of whom they belong to, without an extra call. */
export interface Identity {
  readonly credentials: AwsCredentials;
  /** The identity's ARN, when known (an assumed-role session ARN, a user ARN, an instance role). */
  readonly arn?: string;
  /** True for role sessions (IMDS, container, assumed roles): STS caps what they assume at one hour. */
  readonly isRoleSession: boolean;
  /** How a person recognises it in a log line, with secrets shown only by their last four characters. */
  readonly description: string;
}

/** Shows a secret only by its last four characters, so a person can tell which key it is. */
export function lastFour(value: string): string {
  return `****${value.slice(-4)}`;
}
