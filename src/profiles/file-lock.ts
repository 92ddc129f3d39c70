/**
 * An inter-process lock per shared file: `FILE.assume-aws-role.lock`, created with O_EXCL and holding its
 * owner (pid, host, token). A lock whose owner process is gone, or that is older than any write could take,
 * is stale and taken over; takeovers are serialised by a second short-lived lock so that two waiters can
 * never both break the same lock and then delete each other's fresh one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { errno } from '../files/errno.ts';
import { PRIVATE_FILE_MODE } from '../files/private-modes.ts';
import { ProfileFileError } from './errors.ts';
import { ignoreMissing } from './safe-fs.ts';

export const LOCK_SUFFIX = '.assume-aws-role.lock';
/** A write takes milliseconds; waiting ten seconds means another process is stuck. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** No write holds a lock this long: its owner died or hangs (covers pids on other hosts, and reused pids). */
export const STALE_LOCK_MS = 60_000;
/** An owner writes its details right after creating the lock; an empty lock older than this is a crash. */
const EMPTY_LOCK_MS = 2_000;
/** The takeover lock is held for two file operations; older than this, its holder crashed. */
const TAKEOVER_STALE_MS = 2_000;
const POLL_MS = { min: 5, spread: 20 };

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

interface LockState {
  owner?: LockOwner;
  ageMs: number;
  /** Identifies this very lock file, so a takeover only deletes the lock it judged stale. */
  identity: string;
}

export interface HeldLock {
  readonly path: string;
  readonly token: string;
}

export const lockPathFor = (file: string): string => file + LOCK_SUFFIX;

async function createExclusive(path: string, content: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', PRIVATE_FILE_MODE);
    await handle.writeFile(content).finally(() => handle.close());
    return true;
  } catch (error) {
    if (errno(error) === 'EEXIST') return false;
    throw error;
  }
}

async function readLock(path: string): Promise<LockState | undefined> {
  try {
    const stats = await stat(path);
    const text = await readFile(path, 'utf8');
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === 'EPERM'; // exists, but belongs to someone else
  }
}

function isStale(state: LockState): boolean {
  if (state.ageMs > STALE_LOCK_MS) return true;
  if (!state.owner) return state.ageMs > EMPTY_LOCK_MS;
  return state.owner.host === hostname() && !processAlive(state.owner.pid);
}

/** Deletes the lock if it is still the stale one we saw; one process at a time decides. True if it did. */
async function breakStaleLock(path: string, seen: LockState): Promise<boolean> {
  const takeover = `${path}.takeover`;
  if (!(await createExclusive(takeover, String(process.pid)))) {
    const age = await stat(takeover).then(
      (stats) => Date.now() - stats.mtimeMs,
      () => 0,
    );
    if (age > TAKEOVER_STALE_MS) await ignoreMissing(unlink(takeover));
    return false;
  }
  try {
    const now = await readLock(path);
    return now?.identity === seen.identity && (await ignoreMissing(unlink(path)));
  } finally {
    await ignoreMissing(unlink(takeover));
  }
}

export async function acquireLock(path: string, timeoutMs: number): Promise<HeldLock> {
  const token = randomBytes(12).toString('hex');
  const content = JSON.stringify({ pid: process.pid, host: hostname(), token } satisfies LockOwner);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await createExclusive(path, content)) return { path, token };
    const state = await readLock(path);
    if (!state) continue; // released in between
    if (isStale(state) && (await breakStaleLock(path, state))) continue;
    if (Date.now() >= deadline) {
      const who = state.owner ? `process ${state.owner.pid} on ${state.owner.host}` : 'another process';
      throw new ProfileFileError(
        path,
        `${who} has held this lock for ${Math.round(state.ageMs)} ms (waited ${timeoutMs} ms)`,
        'Retry when it is done; if no assume-aws-role process is running, delete the lock file',
      );
    }
    await sleep(POLL_MS.min + Math.random() * POLL_MS.spread);
  }
}

export async function lockStillHeld(lock: HeldLock): Promise<boolean> {
  return (await readLock(lock.path))?.owner?.token === lock.token;
}

export async function releaseLock(lock: HeldLock): Promise<void> {
  if (await lockStillHeld(lock)) await ignoreMissing(unlink(lock.path));
}

/**
 * Runs `action` holding the locks of all `files`, taken in sorted order so two callers never deadlock.
 * `action` gets a check to call just before it commits: it throws if a lock was taken over meanwhile.
 */
export async function withFileLocks<T>(
  files: readonly string[],
  timeoutMs: number,
  action: (assertHeld: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const held: HeldLock[] = [];
  const assertHeld = async (): Promise<void> => {
    for (const lock of held) {
      if (!(await lockStillHeld(lock))) {
        throw new ProfileFileError(lock.path, 'was taken over as stale while this process held it', 'Retry');
      }
    }
  };
  try {
    for (const file of [...new Set(files)].sort()) held.push(await acquireLock(lockPathFor(file), timeoutMs));
    return await action(assertHeld);
  } finally {
    for (const lock of held.reverse()) await releaseLock(lock);
  }
}
