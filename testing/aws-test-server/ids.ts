// Random and derived identifiers shaped like the ones AWS hands out.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // base32: what real key ids are drawn from
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SESSION_TOKEN_PREFIX = 'IQoJb3JpZ2luX2Vj'; // real session tokens start with this base64
const SESSION_TOKEN_RANDOM_BYTES = 480; // real tokens run to several hundred characters

function pick(alphabet: string, bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

function randomChars(alphabet: string, length: number): string {
  return pick(alphabet, randomBytes(length));
}

/** `AKIA` for long-term user keys, `ASIA` for session keys: 20 upper-case characters. */
export function newAccessKeyId(prefix: 'AKIA' | 'ASIA'): string {
  return prefix + randomChars(UPPER_ALPHANUMERIC, 16);
}

export function newSecretAccessKey(): string {
  return randomChars(SECRET_ALPHABET, 40);
}

export function newSessionToken(): string {
  return SESSION_TOKEN_PREFIX + randomBytes(SESSION_TOKEN_RANDOM_BYTES).toString('base64');
}

export function newRequestId(): string {
  return randomUUID();
}

/** A stable id such as `AROA…` (roles) or `AIDA…` (users) derived from an ARN, 21 characters long. */
export function stableId(prefix: 'AROA' | 'AIDA', seed: string): string {
  return prefix + pick(UPPER_ALPHANUMERIC, createHash('sha256').update(seed).digest().subarray(0, 17));
}

/** A random opaque token for bearer and metadata headers. */
export function newOpaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Formats a time as STS does: ISO 8601 without milliseconds. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
