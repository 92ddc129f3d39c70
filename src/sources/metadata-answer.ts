import { expiryProblem } from '../credential-expiry.ts';

/** What IMDS and the container agent answer with; every field checked, none trusted. */
export interface MetadataCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/**
 * Reads a credentials document. Problems are named without quoting the body, which holds the secret.
 * `register` masks each secret as soon as it is known, before any check can fail.
 */
export function parseMetadataCredentials(
  body: string,
  from: string,
  register: (secret: string) => void,
  env: NodeJS.ProcessEnv,
): MetadataCredentials {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    throw new Error(`${from} answered with ${body.length} characters that are not JSON`);
  }
  const { AccessKeyId, SecretAccessKey, Token, Expiration } = (document ?? {}) as Record<string, unknown>;
  for (const secret of [AccessKeyId, SecretAccessKey, Token])
    if (typeof secret === 'string') register(secret);
  if (
    typeof AccessKeyId !== 'string' ||
    typeof SecretAccessKey !== 'string' ||
    !AccessKeyId ||
    !SecretAccessKey
  )
    throw new Error(`${from} returned no credentials`);
  // As the SDKs require (botocore, the JS SDK's fromHttp): temporary credentials, with their end.
  if (typeof Token !== 'string' || !Token) throw new Error(`${from} returned credentials without a Token`);
  if (typeof Expiration !== 'string')
    throw new Error(`${from} returned credentials without an Expiration date`);
  const expiration = new Date(Expiration);
  const problem = expiryProblem(expiration, from, env);
  if (problem) throw new Error(problem);
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: Token, expiration };
}
