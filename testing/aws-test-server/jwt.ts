// RS256 JSON Web Tokens signed and checked with the server's own issuer key.
import { createHash, createSign, createVerify, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const ALGORITHM = 'RS256';
const MODULUS_BITS = 2048;

export interface JwtKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signedPart: string;
  signature: Buffer;
}

export async function createJwtKey(): Promise<JwtKey> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: MODULUS_BITS });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha256').update(der).digest('hex').slice(0, 40).toUpperCase();
  return { kid, privateKey, publicKey };
}

let processKey: Promise<JwtKey> | undefined;
/**
 * One issuer key for every server this process starts: an RSA key costs tens of milliseconds of CPU, and a
 * test forges a token with a bad signature (`signJwt`), never with another server's key.
 */
export function processJwtKey(): Promise<JwtKey> {
  processKey ??= createJwtKey();
  return processKey;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs `claims`; with `badSignature` the signature is corrupted, as a forger's would be. */
export function signJwt(key: JwtKey, claims: Record<string, unknown>, badSignature = false): string {
  const signedPart = `${encode({ alg: ALGORITHM, typ: 'JWT', kid: key.kid })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signedPart).sign(key.privateKey);
  if (badSignature) signature[signature.length >> 1] = (signature[signature.length >> 1] ?? 0) ^ 0xff;
  return `${signedPart}.${signature.toString('base64url')}`;
}

/** Splits and parses a JWT without checking it; undefined if it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header = '', claims = '', signature = ''] = parts;
  try {
    const parsedHeader: unknown = JSON.parse(Buffer.from(header, 'base64url').toString());
    const parsedClaims: unknown = JSON.parse(Buffer.from(claims, 'base64url').toString());
    if (!isRecord(parsedHeader) || !isRecord(parsedClaims)) return undefined;
    return {
      header: parsedHeader,
      claims: parsedClaims,
      signedPart: `${header}.${claims}`,
      signature: Buffer.from(signature, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

export function hasValidSignature(key: JwtKey, jwt: DecodedJwt): boolean {
  if (jwt.header.alg !== ALGORITHM) return false;
  return createVerify('RSA-SHA256').update(jwt.signedPart).verify(key.publicKey, jwt.signature);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
