/**
 * File operations for the shared files that never follow a symlink and never widen permissions:
 * files 0600, directories this tool creates 0700.
 */
import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readRegularFile, UnreadableFileError } from '../files/read-regular-file.ts';
import { checkUtf8 } from './check-encoding.ts';
import { ProfileFileError } from './errors.ts';
import { bytesToText, textToBytes } from './ini-lines.ts';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
/** O_NOFOLLOW makes open() fail on a symlink (ELOOP); Windows has no such flag (0). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

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
  const first = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  const created: string[] = [];
  for (let path = dir; first !== undefined; path = dirname(path)) {
    created.unshift(path);
    if (path === first || path === dirname(path)) break;
  }
  for (const path of created) await chmod(path, DIR_MODE); // in case the umask took bits away
  return created;
}

/**
 * The file's bytes as a byte string, or undefined when it does not exist. Never blocks (a FIFO is refused,
 * not waited on); refuses symlinks, anything but a regular file, and files that are not plain UTF-8.
 */
export async function readSharedFile(path: string, fix: string): Promise<string | undefined> {
  await refuseSymlink(path, fix); // where O_NOFOLLOW does not exist (Windows); it guards the rest
  const bytes = await readRegularFile(path, { noFollow: true }).catch((error: unknown) => {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.code === 'ELOOP') throw symlinkError(path, fix);
    throw new ProfileFileError(path, error.message.slice(path.length + 1), fix);
  });
  if (!bytes) return undefined;
  checkUtf8(path, bytes);
  return bytesToText(bytes);
}

/** Refuses a symlink at `path` (for checks before a rename replaces it). */
export async function refuseSymlink(path: string, fix: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isSymbolicLink()) throw symlinkError(path, fix);
}

/** Creates a new file (never an existing one or a symlink) with mode 0600 and durable content. */
export async function writeNewFile(path: string, text: string | Buffer): Promise<void> {
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW,
    FILE_MODE,
  ).catch((error: unknown) => {
    throw diskFull(path, error) ?? error;
  });
  try {
    await handle.chmod(FILE_MODE);
    await handle.writeFile(typeof text === 'string' ? textToBytes(text) : text);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await ignoreMissing(unlink(path)).catch(() => undefined); // a full disk leaves no half-written file
    throw diskFull(path, error) ?? error;
  }
  await handle.close();
}

/** A full disk or quota as an error that names the file (Node's own names only the system call). */
export function diskFull(path: string, error: unknown): ProfileFileError | undefined {
  const code = errno(error);
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return undefined;
  return new ProfileFileError(
    path,
    `could not be written: ${code === 'ENOSPC' ? 'the disk is full' : 'the disk quota is used up'} (${code}); nothing was changed`,
    'Free some space on that disk, then run again',
  );
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

export { errno };
