import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir } from 'node:fs/promises';
import { isNotFound } from '../../files/errno.ts';
import { PRIVATE_DIR_MODE } from '../../files/private-modes.ts';

/** The credential cache cannot be used safely; the message names the path and the fix. */
export class CacheError extends Error {
  override name = 'CacheError';
  readonly path: string;

  constructor(path: string, problem: string, fix: string) {
    super(`Credential cache ${path}: ${problem}. ${fix}`);
    this.path = path;
  }
}

/** Creates `dir` (and missing parents) with mode 0700, or checks and tightens an existing one. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stats = await lstat(dir);
  checkOwnedDir(dir, stats);
  if ((stats.mode & 0o777) !== PRIVATE_DIR_MODE) await chmod(dir, PRIVATE_DIR_MODE);
}

/** Whether `dir` exists as a directory safe to read from; throws when it exists but is not safe. */
export async function isPrivateDir(dir: string): Promise<boolean> {
  let stats: Stats;
  try {
    stats = await lstat(dir);
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
  checkOwnedDir(dir, stats);
  return true;
}

/**
 * A symlink is refused even when it points somewhere harmless: whoever can change it decides where
 * secrets are written and which credentials are read back.
 */
function checkOwnedDir(dir: string, stats: Stats): void {
  if (stats.isSymbolicLink()) {
    throw new CacheError(
      dir,
      'is a symbolic link',
      'Remove the link; the cache directory is created as needed.',
    );
  }
  if (!stats.isDirectory())
    throw new CacheError(dir, 'is not a directory', 'Remove it or choose another path.');
  checkOwner(dir, stats);
}

/** On POSIX, refuses a file or directory owned by another user. (Windows has no uid to compare.) */
export function checkOwner(path: string, stats: Pick<Stats, 'uid'>): void {
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) {
    throw new CacheError(path, `is owned by uid ${stats.uid}, not by you (uid ${uid})`, 'Remove it.');
  }
}
