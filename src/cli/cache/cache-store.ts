import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AwsCredentials } from '../../credentials.ts';
import { isNotFound } from '../../files/errno.ts';
import { NO_FOLLOW } from '../../files/private-modes.ts';
import { renameWithRetry } from '../../files/rename-with-retry.ts';
import { writeNewPrivateFile } from '../../files/write-new-private-file.ts';
import { parseCacheEntry, serializeCacheEntry } from './cache-entry.ts';
import { CacheError, checkOwner, ensurePrivateDir, isPrivateDir } from './private-dir.ts';

export { cacheKey } from './cache-key.ts';
export { CacheError } from './private-dir.ts';

/**
 * Renew cached credentials once less than 15 minutes remain. Tools refresh a credential_process
 * before expiry: botocore and the AWS CLI from 15 minutes (10 minutes mandatory), the JS SDK from
 * 5 minutes, the Java SDK from 15 seconds. Handing out credentials inside those windows would make
 * them run this process again on every call; with 15 minutes, they never see such credentials.
 */
export const DEFAULT_RENEW_BEFORE_MS = 15 * 60 * 1000;
/**
 * The renewal window never exceeds this share of the credentials' life as cached, so a short
 * session (STS allows 15 minutes) is still served from the cache for its first half.
 */
export const MAX_RENEW_FRACTION = 0.5;

const CACHE_KEY_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The cached credentials for `key`, or undefined when there are none to use: no file, a corrupt
 * file, or credentials that expire in less than the renewal window, that is
 * min(`renewBeforeMs`, half the time from caching to expiry). Throws a CacheError when the
 * directory or the file is a symlink or is owned by another user.
 */
export async function readCachedCredentials(
  cacheDir: string,
  key: string,
  now: Date,
  renewBeforeMs: number = DEFAULT_RENEW_BEFORE_MS,
): Promise<AwsCredentials | undefined> {
  const path = cachePath(cacheDir, key);
  if (!(await isPrivateDir(cacheDir))) return undefined;
  const text = await readPrivateFile(path);
  const entry = text === undefined ? undefined : parseCacheEntry(text);
  if (entry === undefined) return undefined;
  const expiresAt = entry.credentials.expiration.getTime();
  const lifetime = expiresAt - entry.cachedAt.getTime();
  const renewWindow = Math.max(0, Math.min(renewBeforeMs, lifetime * MAX_RENEW_FRACTION));
  return expiresAt - now.getTime() > renewWindow ? entry.credentials : undefined;
}

/**
 * Stores `creds` under `key`: mode 0600 in a 0700 directory (created if needed), written to a
 * temporary file and renamed into place, so a reader sees the old entry or the new one, never half.
 * Credentials without an expiration are permanent and are not cached: returns false.
 */
export async function writeCachedCredentials(
  cacheDir: string,
  key: string,
  creds: AwsCredentials,
  now: Date = new Date(),
): Promise<boolean> {
  const path = cachePath(cacheDir, key);
  const text = serializeCacheEntry(creds, now);
  if (text === undefined) return false;
  await ensurePrivateDir(cacheDir);
  const temporary = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await writeNewPrivateFile(temporary, text);
    await refuseSymlink(path);
    await renameWithRetry(temporary, path);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return true;
}

function cachePath(cacheDir: string, key: string): string {
  if (!CACHE_KEY_PATTERN.test(key)) throw new TypeError('A credential cache key must be a cacheKey() hash');
  return join(cacheDir, `${key}.json`);
}

/** Credentials, their expiry and a few fields: far below this. */
const MAX_ENTRY_BYTES = 64 * 1024;

/**
 * The file's text, or undefined when it does not exist. O_NOFOLLOW refuses a symlink at open, and
 * O_NONBLOCK keeps a FIFO put there from hanging the open (it is then refused as not a regular file).
 */
async function readPrivateFile(path: string): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    if (error instanceof Error && 'code' in error && error.code === 'ELOOP') await refuseSymlink(path);
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new CacheError(path, 'is not a regular file', 'Remove it.');
    checkOwner(path, stats);
    // Bounded: an entry is a few KiB, and whatever grew past that is not one of ours.
    const buffer = Buffer.alloc(MAX_ENTRY_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_ENTRY_BYTES)
      throw new CacheError(path, `is larger than any cache entry (${MAX_ENTRY_BYTES} bytes)`, 'Remove it.');
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function refuseSymlink(path: string): Promise<void> {
  const stats = await lstat(path).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  if (stats?.isSymbolicLink()) {
    throw new CacheError(path, 'is a symbolic link', 'Remove it; the cache writes its own files.');
  }
}
