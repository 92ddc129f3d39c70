import { createHash } from 'node:crypto';

/** Bumped when the cache file format or the key's meaning changes, so old entries are never read. */
const CACHE_KEY_VERSION = 'assume-aws-role/credential-cache/v1';

/**
 * The cache file name for a request: sha256 (hex) of a stable JSON of everything that identifies
 * it (source, role chain, session name, duration, region, endpoint, external id, tags, policies,
 * MFA serial...). Object key order does not matter; array order does. Never pass secrets: keys,
 * tokens and MFA codes would then be derivable by guessing, and they do not identify the request.
 */
export function cacheKey(parts: unknown): string {
  return createHash('sha256')
    .update(`${CACHE_KEY_VERSION}\n${stableJson(parts)}`)
    .digest('hex');
}

/** JSON with object keys sorted at every level; undefined properties are left out, as JSON.stringify does. */
export function stableJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`A cache key part is not a finite number: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, part]) => part !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([name, part]) => `${JSON.stringify(name)}:${stableJson(part)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`A cache key part cannot be a ${typeof value}`);
  }
}
