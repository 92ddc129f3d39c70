import { join } from 'node:path';
import { acquireLock, releaseLock } from '../../profiles/file-lock.ts';
import type { CliLogger } from '../cli-logger.ts';
import { ensurePrivateDir } from './private-dir.ts';

/**
 * How long a call waits for another call that is filling the same cache entry. SDKs start several
 * clients at once, each running credential_process; the first asks STS, the rest wait and read what
 * it cached. A holder that takes longer (a slow STS, a stuck process) is not waited for: the call
 * goes to STS itself, so a lock can delay a call but never break it.
 */
export const DEFAULT_LOCK_WAIT_MS = 30_000;
const LOCK_WAIT_ENV = 'ASSUME_AWS_ROLE_CACHE_LOCK_WAIT_MS';

export function lockWaitMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env[LOCK_WAIT_ENV]);
  return env[LOCK_WAIT_ENV] && Number.isInteger(value) && value >= 0 ? value : DEFAULT_LOCK_WAIT_MS;
}

/**
 * Runs `fill` holding the lock of one cache entry (`KEY.lock` beside `KEY.json`, 0600 in the 0700
 * cache directory). When the lock cannot be had, in time or at all, `fill` runs anyway, with a warning.
 */
export async function withCacheEntryLock<T>(
  dir: string,
  key: string,
  waitMs: number,
  logger: CliLogger,
  fill: () => Promise<T>,
): Promise<T> {
  let lock: Awaited<ReturnType<typeof acquireLock>> | undefined;
  try {
    await ensurePrivateDir(dir);
    lock = await acquireLock(join(dir, `${key}.lock`), waitMs);
  } catch (error) {
    logger.warning(`credential cache: going to STS without waiting for other calls: ${message(error)}`);
  }
  try {
    return await fill();
  } finally {
    if (lock) await releaseLock(lock).catch(() => undefined);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
