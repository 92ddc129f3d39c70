import { untrusted } from '../safe-text.ts';

/** The claims a trust policy matches on; none of them is secret, all of them come from outside. */
export interface TokenClaims {
  readonly iss?: string;
  readonly sub?: string;
  readonly aud?: string;
  readonly exp?: number;
}

/** Reads a JWT's payload without verifying it: for diagnosis only, never for trust. */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const text = (value: unknown) =>
      typeof value === 'string'
        ? untrusted(value)
        : Array.isArray(value)
          ? untrusted(value.join(','))
          : undefined;
    return {
      iss: text(claims.iss),
      sub: text(claims.sub),
      aud: text(claims.aud),
      exp: typeof claims.exp === 'number' ? claims.exp : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The IAM condition key prefix for an issuer: its URL without the scheme. */
export function issuerConditionPrefix(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
