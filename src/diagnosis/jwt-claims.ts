/** The claims a trust policy matches on; none of them is secret. */
export interface TokenClaims {
  readonly iss?: string;
  readonly sub?: string;
  readonly aud?: string;
  readonly exp?: number;
  /** Every string or number claim (numbers as text), for conditions on other claims. */
  readonly all: Readonly<Record<string, string>>;
}

/** A token has a few dozen claims; more is not a GitHub or EKS token, and is not listed. */
const MAX_CLAIMS = 64;

/** Reads a JWT's payload without verifying it: for diagnosis only, never for trust. */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return undefined;
    const record = claims as Record<string, unknown>;
    const text = (value: unknown) =>
      typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : undefined;
    const all: Record<string, string> = {};
    for (const [name, value] of Object.entries(record).slice(0, MAX_CLAIMS)) {
      if (typeof value === 'string' || typeof value === 'number') all[name] = String(value);
    }
    return {
      iss: text(record.iss),
      sub: text(record.sub),
      aud: text(record.aud),
      exp: typeof record.exp === 'number' ? record.exp : undefined,
      all,
    };
  } catch {
    return undefined;
  }
}
