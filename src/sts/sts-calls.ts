import {
  AssumeRoleCommand,
  type AssumeRoleCommandInput,
  AssumeRoleWithWebIdentityCommand,
  type Credentials,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import type { AwsCredentials } from '../credentials.ts';
import type { Identity } from '../identity.ts';
import { withRetry } from '../net/retry.ts';
import type { SessionParameters } from './session-parameters.ts';
import { createStsClient } from './sts-client.ts';
import type { StsConfig } from './sts-config.ts';
import { classifyStsError } from './sts-errors.ts';

/** Called with every secret STS returns, before anything else sees it. */
export type SecretSink = (secret: string) => void;

/** Calls AssumeRole once (plus retries of transient faults) with exactly the caller's credentials. */
export async function assumeRole(
  caller: AwsCredentials,
  roleArn: string,
  hop: SessionParameters,
  config: StsConfig,
  onSecret: SecretSink,
): Promise<Identity> {
  const input: AssumeRoleCommandInput = {
    RoleArn: roleArn,
    RoleSessionName: hop.sessionName,
    DurationSeconds: hop.durationSeconds,
    ExternalId: hop.externalId,
    SourceIdentity: hop.sourceIdentity,
    Policy: hop.policy,
    PolicyArns: hop.policyArns.length ? hop.policyArns.map((arn) => ({ arn })) : undefined,
    Tags: hop.tags.length ? hop.tags.map((tag) => ({ Key: tag.key, Value: tag.value })) : undefined,
    TransitiveTagKeys: hop.transitiveTagKeys.length ? [...hop.transitiveTagKeys] : undefined,
    SerialNumber: hop.mfa?.serialNumber,
    TokenCode: hop.mfa?.tokenCode,
  };
  const client = createStsClient(config, caller);
  const output = await withRetry(
    () => client.send(new AssumeRoleCommand(input)),
    config.retry,
    classifyStsError,
  );
  return sessionIdentity(output.Credentials, output.AssumedRoleUser?.Arn, onSecret);
}

/** Calls AssumeRoleWithWebIdentity: unsigned, and without tags, external id or source identity. */
export async function assumeRoleWithWebIdentity(
  token: string,
  roleArn: string,
  hop: SessionParameters,
  config: StsConfig,
  onSecret: SecretSink,
): Promise<Identity> {
  const client = createStsClient(config, 'unsigned');
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn: roleArn,
    RoleSessionName: hop.sessionName,
    DurationSeconds: hop.durationSeconds,
    WebIdentityToken: token,
    Policy: hop.policy,
    PolicyArns: hop.policyArns.length ? hop.policyArns.map((arn) => ({ arn })) : undefined,
  });
  const output = await withRetry(() => client.send(command), config.retry, classifyStsError);
  return sessionIdentity(output.Credentials, output.AssumedRoleUser?.Arn, onSecret);
}

/** Validates credentials and learns whose they are; only used when no role is assumed. */
export async function getCallerIdentity(caller: AwsCredentials, config: StsConfig): Promise<string> {
  const client = createStsClient(config, caller);
  const output = await withRetry(
    () => client.send(new GetCallerIdentityCommand({})),
    config.retry,
    classifyStsError,
  );
  if (!output.Arn) throw new Error('STS GetCallerIdentity returned no ARN');
  return output.Arn;
}

function sessionIdentity(
  credentials: Credentials | undefined,
  arn: string | undefined,
  onSecret: SecretSink,
): Identity {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !arn) {
    throw new Error('STS returned a response without credentials or an assumed-role ARN');
  }
  onSecret(credentials.AccessKeyId);
  onSecret(credentials.SecretAccessKey);
  onSecret(credentials.SessionToken);
  return {
    credentials: {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
    },
    arn,
    isRoleSession: true,
    description: arn,
  };
}
