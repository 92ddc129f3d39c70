// Reading a lock file as a waiter sees it: its owner, its age, and what identifies this very file.
import { lstat } from 'node:fs/promises';
import { errno } from '../files/errno.ts';
import { readRegularFile } from '../files/read-regular-file.ts';
import { ProfileFileError } from './errors.ts';

/** The lock's owner, named uniquely: a pid alone may be reused by another process, even by the waiter. */
export interface LockOwner {
  pid: number;
  host: string;
  token: string;
  /** When the owner process started (ms since the epoch): a live pid that started later is another process. */
  started?: number;
}

export interface LockState {
  owner?: LockOwner;
  ageMs: number;
  /** Identifies this very lock file: a takeover deletes only the lock it judged stale. */
  identity: string;
}

/** The lock's state, or undefined when there is none (it was released). */
export async function readLock(path: string): Promise<LockState | undefined> {
  try {
    // Not followed: a link planted here (dangling or not) is no lock of ours, and would never go away.
    const stats = await lstat(path);
    if (!stats.isFile())
      throw new ProfileFileError(
        path,
        `is a ${stats.isSymbolicLink() ? 'symbolic link' : 'special file'}, not a lock this tool wrote`,
        'Delete it; the lock is a plain file created here',
      );
    const bytes = await readRegularFile(path, { noFollow: true, maxBytes: 4096 });
    if (!bytes) return undefined;
    const text = bytes.toString('utf8');
    let owner: LockOwner | undefined;
    try {
      owner = JSON.parse(text) as LockOwner;
    } catch {
      owner = undefined; // being written right now, or its owner crashed in between
    }
    return { owner, ageMs: Date.now() - stats.mtimeMs, identity: `${stats.ino}:${stats.mtimeMs}:${text}` };
  } catch (error) {
    if (errno(error) === 'ENOENT') return undefined;
    throw error;
  }
}
