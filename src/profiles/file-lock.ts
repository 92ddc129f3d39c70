/**
 * An inter-process lock per shared file: `FILE.assume-aws-role.lock`, created with O_EXCL and holding its
 * owner (pid, host, a random token, the process's start time). A lock whose owner is gone, or older than
 * any write could take, is stale and taken over; a second short-lived lock serialises takeovers.
 */
import { randomBytes } from 'node:crypto';
import { open, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { diskFull } from '../files/disk-full.ts';
import { errno } from '../files/errno.ts';
import { PRIVATE_FILE_MODE } from '../files/private-modes.ts';
import { ProfileFileError } from './errors.ts';
import { processStartMs } from './process-start.ts';
import { type LockOwner, type LockState, readLock } from './read-lock.ts';
import { ignoreMissing } from './safe-fs.ts';

export const LOCK_SUFFIX = '.assume-aws-role.lock';
/** A write takes milliseconds; one holder keeping the lock ten seconds is stuck. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** No write holds a lock this long: its owner died or hangs (covers pids on other hosts, and reused pids). */
export const STALE_LOCK_MS = 60_000;
/** An owner writes its details right after creating the lock; an empty lock older than this is a crash. */
const EMPTY_LOCK_MS = 2_000;
/** The takeover lock is held for two file operations; older than this, its holder crashed. */
const TAKEOVER_STALE_MS = 2_000;
/** Waiters back off from 5 ms to 250 ms, jittered: fifty waiters polling fast would starve the holder. */
const pollDelayMs = (attempt: number): number => Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random());

/** This process's start, as other processes would read it; the tokens of the locks it holds now. */
const OWN_START = Math.round(performance.timeOrigin);
const heldTokens = new Set<string>();
/** How far a process's start time as the system reports it may be from the one its lock records. */
const START_TOLERANCE_MS = 5_000;

export interface HeldLock {
  readonly path: string;
  readonly token: string;
}

export const lockPathFor = (file: string): string => file + LOCK_SUFFIX;

/** Creates the lock with its content, or answers false if it exists. A full disk leaves no empty lock behind. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const handle = await open(path, 'wx', PRIVATE_FILE_MODE).catch((error: unknown) => {
    if (errno(error) === 'EEXIST') return undefined;
    throw diskFull(path, error) ?? error;
  });
  if (!handle) return false;
  try {
    await handle.writeFile(content);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await ignoreMissing(unlink(path));
    throw diskFull(path, error) ?? error;
  }
  await handle.close();
  return true;
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
  const { owner } = state;
  if (!owner) return state.ageMs > EMPTY_LOCK_MS;
  if (owner.host !== hostname()) return false; // nothing to check a process on another host with
  // Our own pid on a lock we do not hold: a dead owner's pid that this process was given.
  if (owner.pid === process.pid) return !heldTokens.has(owner.token);
  if (!processAlive(owner.pid)) return true;
  const started = processStartMs(owner.pid);
  return (
    started !== undefined &&
    owner.started !== undefined &&
    Math.abs(started - owner.started) > START_TOLERANCE_MS
  );
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

/** Waits for the lock; gives up only when one holder keeps it `timeoutMs` (changing hands is progress). */
export async function acquireLock(path: string, timeoutMs: number): Promise<HeldLock> {
  const token = randomBytes(12).toString('hex');
  const owner: LockOwner = { pid: process.pid, host: hostname(), token, started: OWN_START };
  const content = JSON.stringify(owner);
  let holder: string | undefined;
  let deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(path, content)) {
      heldTokens.add(token);
      return { path, token };
    }
    const state = await readLock(path);
    if (!state) {
      // Released in between: try again at once, but never spin past the deadline.
      if (Date.now() >= deadline)
        throw new ProfileFileError(path, `could not be taken within ${timeoutMs} ms`, 'Retry');
      continue;
    }
    if (state.identity !== holder) [holder, deadline] = [state.identity, Date.now() + timeoutMs];
    if (isStale(state) && (await breakStaleLock(path, state))) continue;
    if (Date.now() >= deadline) {
      const who = state.owner ? `process ${state.owner.pid} on ${state.owner.host}` : 'another process';
      throw new ProfileFileError(
        path,
        `${who} has held this lock for ${Math.round(state.ageMs)} ms (waited ${timeoutMs} ms)`,
        'Retry when it is done; if no assume-aws-role process is running, delete the lock file',
      );
    }
    await sleep(pollDelayMs(attempt));
  }
}

export async function lockStillHeld(lock: HeldLock): Promise<boolean> {
  return (await readLock(lock.path))?.owner?.token === lock.token;
}

export async function releaseLock(lock: HeldLock): Promise<void> {
  if (await lockStillHeld(lock)) await ignoreMissing(unlink(lock.path));
  heldTokens.delete(lock.token);
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
      if (!(await lockStillHeld(lock)))
        throw new ProfileFileError(lock.path, 'was taken over as stale while this process held it', 'Retry');
    }
  };
  try {
    for (const file of [...new Set(files)].sort()) held.push(await acquireLock(lockPathFor(file), timeoutMs));
    return await action(assertHeld);
  } finally {
    for (const lock of held.reverse()) await releaseLock(lock);
  }
}
