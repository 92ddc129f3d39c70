import type { AwsCredentials } from '../../credentials.ts';
import { assertPortableValue, expirationIso } from './format-error.ts';

/** Version of the credential_process output format, the only one the SDKs accept. */
export const CREDENTIAL_PROCESS_VERSION = 1;

/** `{AccessKeyId, SecretAccessKey, SessionToken, Expiration, Region}`, the last three only when known. */
export function renderJson(creds: AwsCredentials, region?: string): string {
  const document = { ...credentialFields(creds), ...(region ? { Region: checked('Region', region) } : {}) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The credential_process document. Without `Expiration` the SDKs treat the credentials as permanent
 * and never run the process again, which is right only for long-term keys.
 */
export function renderCredentialProcess(creds: AwsCredentials): string {
  return `${JSON.stringify({ Version: CREDENTIAL_PROCESS_VERSION, ...credentialFields(creds) })}\n`;
}

function credentialFields(creds: AwsCredentials): Record<string, string> {
  const fields: Record<string, string> = {
    AccessKeyId: checked('AccessKeyId', creds.accessKeyId),
    SecretAccessKey: checked('SecretAccessKey', creds.secretAccessKey),
  };
  if (creds.sessionToken) fields.SessionToken = checked('SessionToken', creds.sessionToken);
  if (creds.expiration !== undefined) fields.Expiration = expirationIso(creds.expiration);
  return fields;
}

function checked(field: string, value: string): string {
  assertPortableValue(field, value);
  return value;
}
