// Works out who signed an STS request, refusing unknown, forged, tokenless and expired credentials.
import type { CredentialStore, IssuedCredentials } from './credential-store.ts';
import { parseAuthorization, type ReceivedRequest, verifySignature } from './sigv4.ts';
import { EXPIRED_TOKEN_MESSAGE, INVALID_TOKEN_MESSAGE, StsError } from './sts-error.ts';

const AUTHORIZATION = 'authorization';
const SECURITY_TOKEN = 'x-amz-security-token';

function header(request: ReceivedRequest, name: string): string | undefined {
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() === name) return request.rawHeaders[i + 1];
  }
  return undefined;
}

/** The access key id a request claims to be signed with, without checking anything. */
export function claimedAccessKeyId(request: ReceivedRequest): string | undefined {
  const match = /Credential=([^/,\s]+)\//.exec(header(request, AUTHORIZATION) ?? '');
  return match?.[1];
}

export function authenticate(request: ReceivedRequest, store: CredentialStore): IssuedCredentials {
  const authorization = header(request, AUTHORIZATION);
  if (!authorization)
    throw new StsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  const auth = parseAuthorization(authorization);
  const issued = store.lookup(auth.accessKeyId);
  if (!issued) throw new StsError('InvalidClientTokenId', INVALID_TOKEN_MESSAGE);
  // A session key is only valid together with its own token; a user key never carries one.
  if (header(request, SECURITY_TOKEN) !== issued.sessionToken) {
    throw new StsError('InvalidClientTokenId', INVALID_TOKEN_MESSAGE);
  }
  if (issued.expiresAt !== undefined && Date.now() >= issued.expiresAt) {
    throw new StsError('ExpiredToken', EXPIRED_TOKEN_MESSAGE);
  }
  verifySignature(request, auth, issued.secretAccessKey);
  return issued;
}
