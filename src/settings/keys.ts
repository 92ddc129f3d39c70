import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { ACCESS_KEY_ID } from './rules.ts';
import type { StaticKeys } from './settings.ts';

const SECRETS_FIX =
  'Pass both from repository or environment secrets (secrets.AWS_ACCESS_KEY_ID, secrets.AWS_SECRET_ACCESS_KEY)';

/**
 * Access keys for source `keys`: both halves or none; a session token only with both.
 * Errors say what is wrong without showing any part of a key.
 */
export function parseKeys(
  accessKeyId: string | undefined,
  secretAccessKey: string | undefined,
  sessionToken: string | undefined,
): StaticKeys | undefined {
  if (accessKeyId === undefined && secretAccessKey === undefined) {
    if (sessionToken === undefined) return undefined;
    throw new InputError(
      Inputs.awsAccessKeyId,
      'is missing (and so is aws-secret-access-key), but aws-session-token is given',
      `A session token is used only with its key pair: give all three, or remove aws-session-token. ${SECRETS_FIX}`,
    );
  }
  if (secretAccessKey === undefined)
    throw new InputError(
      Inputs.awsSecretAccessKey,
      'is missing, but aws-access-key-id is given',
      `Give both halves of the key pair (check that the secret exists and is available to this workflow). ${SECRETS_FIX}`,
    );
  if (accessKeyId === undefined)
    throw new InputError(
      Inputs.awsAccessKeyId,
      'is missing, but aws-secret-access-key is given',
      `Give both halves of the key pair (check that the secret exists and is available to this workflow). ${SECRETS_FIX}`,
    );
  if (!ACCESS_KEY_ID.test(accessKeyId))
    throw new InputError(
      Inputs.awsAccessKeyId,
      `is not an access key id: ${keyIdProblem(accessKeyId)}`,
      'Give the access key id (AKIA… or ASIA…), not the secret or another value',
    );
  return sessionToken === undefined
    ? { accessKeyId, secretAccessKey }
    : { accessKeyId, secretAccessKey, sessionToken };
}

/** Describes a malformed key id by its length and character classes, never by its characters. */
function keyIdProblem(keyId: string): string {
  if (keyId.length < 16 || keyId.length > 128)
    return `it is ${keyId.length} characters long, and a key id has 16 to 128`;
  const kinds = [
    /[a-z]/.test(keyId) && 'lowercase letters',
    /[^A-Za-z0-9]/.test(keyId) && 'characters other than letters and digits',
  ].filter(Boolean);
  return `it contains ${kinds.join(' and ')}, and a key id has only A-Z and 0-9`;
}
