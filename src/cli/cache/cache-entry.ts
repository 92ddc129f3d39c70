import type { AwsCredentials } from '../../credentials.ts';

/** Version of the cache file layout; any other version is ignored (a miss). */
const CACHE_ENTRY_VERSION = 1;

export interface CacheEntry {
  readonly cachedAt: Date;
  readonly credentials: AwsCredentials & { readonly expiration: Date };
}

/** The file's JSON, or undefined for credentials without an expiration (nothing to cache). */
export function serializeCacheEntry(creds: AwsCredentials, cachedAt: Date): string | undefined {
  if (creds.expiration === undefined) return undefined;
  return `${JSON.stringify({
    Version: CACHE_ENTRY_VERSION,
    CachedAt: cachedAt.toISOString(),
    AccessKeyId: creds.accessKeyId,
    SecretAccessKey: creds.secretAccessKey,
    ...(creds.sessionToken ? { SessionToken: creds.sessionToken } : {}),
    Expiration: creds.expiration.toISOString(),
  })}\n`;
}

/** The entry in `text`, or undefined when it is not a well-formed entry of this version. */
export function parseCacheEntry(text: string): CacheEntry | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const { AccessKeyId, SecretAccessKey, SessionToken } = record;
  const cachedAt = parseDate(record.CachedAt);
  const expiration = parseDate(record.Expiration);
  if (
    record.Version !== CACHE_ENTRY_VERSION ||
    !isNonEmptyString(AccessKeyId) ||
    !isNonEmptyString(SecretAccessKey) ||
    (SessionToken !== undefined && !isNonEmptyString(SessionToken)) ||
    cachedAt === undefined ||
    expiration === undefined ||
    expiration <= cachedAt
  ) {
    return undefined;
  }
  const credentials = {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    ...(SessionToken === undefined ? {} : { sessionToken: SessionToken }),
    expiration,
  };
  return { cachedAt, credentials };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
