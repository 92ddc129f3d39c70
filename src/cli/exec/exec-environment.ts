import type { AwsCredentials } from '../../credentials.ts';
import { credentialEnvChanges } from './credential-env.ts';

/**
 * Variables that would override the new credentials or point a tool at another identity. The
 * credential variables themselves are removed too, then set again from the new credentials.
 */
export const OVERRIDING_ENV_NAMES = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  // aws-vault's name for the expiration.
  'AWS_SESSION_EXPIRATION',
  // The Java SDK v1 reads AWS_SECRET_KEY *before* AWS_SECRET_ACCESS_KEY: a stale one would win.
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  // EKS IRSA and other web-identity setups.
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  // Attached by the JS SDK and botocore to environment keys: a stale account routes to another endpoint.
  'AWS_ACCOUNT_ID',
  'AWS_CREDENTIAL_SCOPE',
] as const;

/** Container (ECS, CodeBuild, EKS Pod Identity) credential endpoints and their tokens. */
export const OVERRIDING_ENV_PREFIXES = [
  'AWS_CONTAINER_CREDENTIALS_',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
] as const;

/**
 * The environment for a command run with the new credentials: `parentEnv` without anything that
 * would override or confuse them, plus the credential variables (and the region ones when `region`
 * is given; otherwise the parent's region is kept). Names are compared case-insensitively, because
 * on Windows `aws_profile` and `AWS_PROFILE` are the same variable.
 */
export function buildExecEnv(
  parentEnv: Readonly<Record<string, string | undefined>>,
  creds: AwsCredentials,
  region?: string,
): Record<string, string> {
  const changes = credentialEnvChanges(creds, region);
  const replaced = new Set(changes.map((change) => change.name.toUpperCase()));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parentEnv)) {
    if (value === undefined || isOverriding(name) || replaced.has(name.toUpperCase())) continue;
    env[name] = value;
  }
  for (const { name, value } of changes) {
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function isOverriding(name: string): boolean {
  const upper = name.toUpperCase();
  return (
    (OVERRIDING_ENV_NAMES as readonly string[]).includes(upper) ||
    OVERRIDING_ENV_PREFIXES.some((prefix) => upper.startsWith(prefix))
  );
}
