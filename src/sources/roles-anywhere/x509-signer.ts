import { createHash, type Hash, type KeyObject, sign, type X509Certificate } from 'node:crypto';
import { createScope, getCanonicalHeaders, getPayloadHash, SignatureV4Base } from '@smithy/signature-v4';
import { serialDecimal } from './certificate-checks.ts';
import { ROLES_ANYWHERE_SERVICE } from './names.ts';
import type { SigningKey } from './pem-inputs.ts';

// SigV4 canonicalisation comes from @smithy/signature-v4; only the signature step is X.509.
// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication-sign-process.html

export const X509_HEADER = 'x-amz-x509';
export const X509_CHAIN_HEADER = 'x-amz-x509-chain';

/** The SHA-256 the smithy signer expects, on node:crypto. */
class Sha256 {
  readonly #hash: Hash = createHash('sha256');
  update(data: Uint8Array | string): void {
    this.#hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.#hash.digest();
  }
}

export interface RequestToSign {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface SignedParts {
  readonly headers: Record<string, string>;
  /** What was signed, for tests and for a server that checks it. */
  readonly stringToSign: string;
}

/** Signs requests with a certificate's key as IAM Roles Anywhere expects (AWS4-X509-RSA/ECDSA-SHA256). */
export class X509RequestSigner extends SignatureV4Base {
  readonly #key: KeyObject;
  readonly #algorithm: string;
  readonly #certificateHeaders: Record<string, string>;
  readonly #serial: string;
  readonly #region: string;

  constructor(region: string, signingKey: SigningKey, chain: readonly X509Certificate[]) {
    // The base class wants credentials; X.509 signing uses none of them.
    super({
      service: ROLES_ANYWHERE_SERVICE,
      region,
      credentials: { accessKeyId: '', secretAccessKey: '' },
      sha256: Sha256,
    });
    const [leaf, ...intermediates] = chain;
    if (!leaf) throw new Error('X509RequestSigner needs the leaf certificate');
    this.#key = signingKey.key;
    this.#algorithm = signingKey.algorithm;
    this.#serial = serialDecimal(leaf);
    this.#region = region;
    this.#certificateHeaders = { [X509_HEADER]: base64Der(leaf) };
    if (intermediates.length > 0)
      this.#certificateHeaders[X509_CHAIN_HEADER] = intermediates.map(base64Der).join(',');
  }

  async signRequest(request: RequestToSign, now: Date): Promise<SignedParts> {
    const { longDate, shortDate } = this.formatDate(now);
    const headers: Record<string, string> = {
      ...request.headers,
      host: request.url.host,
      'x-amz-date': longDate,
      ...this.#certificateHeaders,
    };
    const query: Record<string, string> = Object.fromEntries(request.url.searchParams);
    const httpRequest = {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      path: request.url.pathname,
      query,
      headers,
      body: request.body,
    };
    const canonicalHeaders = getCanonicalHeaders(httpRequest);
    const payloadHash = await getPayloadHash(httpRequest, Sha256);
    const canonicalRequest = this.createCanonicalRequest(httpRequest, canonicalHeaders, payloadHash);
    const scope = createScope(shortDate, this.#region, ROLES_ANYWHERE_SERVICE);
    const stringToSign = await this.createStringToSign(longDate, scope, canonicalRequest, this.#algorithm);
    // RSA: PKCS#1 v1.5; ECDSA: the DER-encoded (r, s) pair, node's default encoding.
    const signature = sign('sha256', Buffer.from(stringToSign, 'utf8'), this.#key).toString('hex');
    const authorization =
      `${this.#algorithm} Credential=${this.#serial}/${scope}, ` +
      `SignedHeaders=${this.getCanonicalHeaderList(canonicalHeaders)}, Signature=${signature}`;
    return { headers: { ...headers, authorization }, stringToSign };
  }
}

function base64Der(certificate: X509Certificate): string {
  return Buffer.from(certificate.raw).toString('base64');
}
