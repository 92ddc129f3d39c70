/**
 * File operations for the shared files that never follow a symlink and never widen permissions:
 * files 0600, directories this tool creates 0700.
 */
import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errno } from '../files/errno.ts';
import { NO_FOLLOW, PRIVATE_DIR_MODE } from '../files/private-modes.ts';
import { ProfileFileError } from './errors.ts';
import { bytesToText } from './ini-lines.ts';

const symlinkError = (path: string, fix: string): ProfileFileError =>
  new ProfileFileError(path, 'is a symbolic link, and assume-aws-role never writes through one', fix);

/** Whether the file's directory exists; refuses one that is a symlink or not a directory. */
export async function checkDirectory(file: string, fix: string): Promise<boolean> {
  const dir = dirname(file);
  const stats = await lstat(dir).catch((error: unknown) => {
    if (errno(error) === 'ENOENT') return undefined;
    throw error;
  });
  if (stats?.isSymbolicLink()) throw symlinkError(dir, fix);
  if (stats && !stats.isDirectory()) throw new ProfileFileError(dir, 'is not a directory', fix);
  return stats !== undefined;
}

/** Makes sure the file's directory exists and is a real directory; returns the directories it created. */
export async function ensureDirectory(file: string, fix: string): Promise<string[]> {
  if (await checkDirectory(file, fix)) return [];
  const dir = dirname(file);
  const first = await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const created: string[] = [];
  for (let path = dir; first !== undefined; path = dirname(path)) {
    created.unshift(path);
    if (path === first || path === dirname(path)) break;
  }
  for (const path of created) await chmod(path, PRIVATE_DIR_MODE); // in case the umask took bits away
  return created;
}

/** The file's bytes as a byte string, or undefined when it does not exist. Refuses symlinks and non-files. */
export async function readSharedFile(path: string, fix: string): Promise<string | undefined> {
  await refuseSymlink(path, fix); // where O_NOFOLLOW does not exist (Windows); it guards the rest
  const handle = await open(path, constants.O_RDONLY | NO_FOLLOW).catch((error: unknown) => {
    if (errno(error) === 'ENOENT') return undefined;
    if (errno(error) === 'ELOOP') throw symlinkError(path, fix);
    throw error;
  });
  if (!handle) return undefined;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ProfileFileError(path, 'is not a regular file', fix);
    return bytesToText(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** Refuses a symlink at `path` (for checks before a rename replaces it). */
export async function refuseSymlink(path: string, fix: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isSymbolicLink()) throw symlinkError(path, fix);
}

/** Makes renames and unlinks in a directory durable. Not possible on every platform: then skipped. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** unlink/rename that treat "already gone" as done. */
export async function ignoreMissing(operation: Promise<unknown>): Promise<boolean> {
  try {
    await operation;
    return true;
  } catch (error) {
    if (errno(error) === 'ENOENT') return false;
    throw error;
  }
}
