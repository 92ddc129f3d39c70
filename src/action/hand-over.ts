import * as core from '@actions/core';
import { AwsEnv, Outputs } from '../constants.ts';
import type { ResolvedIdentity } from '../obtain/result.ts';
import type { ActionSettings } from './action-settings.ts';

/** Exports the credentials to later steps through GITHUB_ENV (heredocs with random delimiters). */
export function exportCredentials(identity: ResolvedIdentity, region: string | undefined): void {
  const { credentials } = identity;
  core.exportVariable(AwsEnv.accessKeyId, credentials.accessKeyId);
  core.exportVariable(AwsEnv.secretAccessKey, credentials.secretAccessKey);
  // Always written, so a token exported by an earlier step never pairs with these keys.
  core.exportVariable(AwsEnv.sessionToken, credentials.sessionToken ?? '');
  core.exportVariable(AwsEnv.credentialExpiration, credentials.expiration?.toISOString() ?? '');
  if (region) {
    core.exportVariable(AwsEnv.region, region);
    core.exportVariable(AwsEnv.defaultRegion, region);
  }
}

/** The step outputs describing the final identity; the credentials themselves only when asked. */
export function setIdentityOutputs(identity: ResolvedIdentity, settings: ActionSettings): void {
  core.setOutput(Outputs.awsAccountId, identity.accountId);
  core.setOutput(Outputs.arn, identity.arn);
  if (identity.credentials.expiration)
    core.setOutput(Outputs.expiration, identity.credentials.expiration.toISOString());
  if (settings.outputCredentials) {
    core.setOutput(Outputs.awsAccessKeyId, identity.credentials.accessKeyId);
    core.setOutput(Outputs.awsSecretAccessKey, identity.credentials.secretAccessKey);
    if (identity.credentials.sessionToken)
      core.setOutput(Outputs.awsSessionToken, identity.credentials.sessionToken);
  }
}
