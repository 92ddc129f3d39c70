// Checks a SigV4-X.509 request as IAM Roles Anywhere does: the signature with the attached certificate's key
// (RSA or ECDSA), a fresh X-Amz-Date, the scope, and the chain up to the trust anchor's CA, all valid now.
// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication-sign-process.html
import { createHash, verify, X509Certificate } from 'node:crypto';
import type { Call } from './reply.ts';
import type { TrustAnchor } from './rolesanywhere-registry.ts';
import { canonicalRequest, groupHeaders } from './sigv4.ts';

const ALGORITHMS: Record<string, string> = { 'AWS4-X509-RSA-SHA256': 'rsa', 'AWS4-X509-ECDSA-SHA256': 'ec' };
const SERVICE = 'rolesanywhere';
const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = /^(\S+) Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/;

/** A CreateSession refusal, sent as the service's JSON error. */
export class RolesAnywhereError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const denied = (message: string) => new RolesAnywhereError(403, 'AccessDeniedException', message);

/** The signing certificate of a request whose signature and chain check out; throws AccessDenied otherwise. */
export function verifyX509Request(call: Call, anchor: TrustAnchor, now = Date.now()): X509Certificate {
  const headers = groupHeaders(call.rawHeaders);
  const one = (name: string) => headers.get(name)?.[0];
  const match = AUTHORIZATION.exec(one('authorization')?.trim() ?? '');
  if (!match) throw denied('Missing or malformed SigV4-X.509 Authorization header');
  const [, algorithm = '', credential = '', signedList = '', signature = ''] = match;
  const keyType = ALGORITHMS[algorithm];
  if (!keyType) throw denied(`Unsupported algorithm ${algorithm}`);
  const signed = signedList.split(';');
  for (const name of [
    'host',
    'x-amz-date',
    'x-amz-x509',
    ...(headers.has('x-amz-x509-chain') ? ['x-amz-x509-chain'] : []),
  ]) {
    if (!signed.includes(name)) throw denied(`Header ${name} must be signed`);
  }
  const amzDate = one('x-amz-date') ?? '';
  checkFresh(amzDate, now);
  const [serial = '', scopeDate = '', region = '', service = '', terminator = ''] = credential.split('/');
  if (scopeDate !== amzDate.slice(0, 8) || service !== SERVICE || terminator !== 'aws4_request') {
    throw denied(`Credential scope ${credential} does not match the request`);
  }
  if (region !== anchor.region)
    throw denied(`Credential scope region ${region} is not the trust anchor's ${anchor.region}`);

  const leaf = certificateFrom(one('x-amz-x509'), 'X-Amz-X509');
  const intermediates = (one('x-amz-x509-chain') ?? '')
    .split(',')
    .filter(Boolean)
    .map((value) => certificateFrom(value, 'X-Amz-X509-Chain'));
  if (BigInt(`0x${leaf.serialNumber}`).toString(10) !== serial) {
    throw denied('The credential is not the signing certificate serial number');
  }
  if (leaf.publicKey.asymmetricKeyType !== keyType)
    throw denied(`${algorithm} does not match the certificate's key`);

  const canonical = canonicalRequest(call, headers, signed);
  const scope = [scopeDate, region, service, terminator].join('/');
  const hash = createHash('sha256').update(canonical).digest('hex');
  const stringToSign = [algorithm, amzDate, scope, hash].join('\n');
  if (!verify('sha256', Buffer.from(stringToSign), leaf.publicKey, Buffer.from(signature, 'hex'))) {
    throw denied('The request signature does not match the signing certificate');
  }
  checkChain([leaf, ...intermediates], anchor.ca, now);
  return leaf;
}

function checkFresh(amzDate: string, now: number): void {
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (Number.isNaN(at)) throw denied(`Invalid X-Amz-Date ${JSON.stringify(amzDate)}`);
  if (Math.abs(at - now) > MAX_SKEW_MS) throw denied(`Signature expired or not yet current: ${amzDate}`);
}

function certificateFrom(base64: string | undefined, header: string): X509Certificate {
  if (!base64) throw denied(`Missing ${header} header`);
  try {
    return new X509Certificate(Buffer.from(base64, 'base64'));
  } catch {
    throw denied(`${header} is not a base64 DER certificate`);
  }
}

/** Each certificate issued and signed by the next, the last by the CA, every one valid now. */
function checkChain(chain: X509Certificate[], ca: X509Certificate, now: number): void {
  for (const [index, certificate] of chain.entries()) {
    const issuer = chain[index + 1] ?? ca;
    if (!certificate.checkIssued(issuer) || !certificate.verify(issuer.publicKey)) {
      throw denied('Untrusted signing certificate: no valid chain to the trust anchor');
    }
    if (now < Date.parse(certificate.validFrom) || now > Date.parse(certificate.validTo)) {
      throw denied(`Certificate ${certificate.subject.replaceAll('\n', ', ')} is not valid now`);
    }
  }
}
