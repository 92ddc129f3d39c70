import { rename } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * On Windows a rename fails with EPERM, EBUSY or EACCES while an antivirus scanner, the search indexer
 * or a backup agent holds the source or the target open; the hold ends within moments. Elsewhere those
 * codes mean a real permission problem that a retry cannot fix, so there the first failure is final.
 */
const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Waits between attempts: doubling from 10 ms, capped at 500 ms; about 3 s in all, then the error stands. */
export const RENAME_BACKOFF_MS: readonly number[] = [10, 20, 40, 80, 160, 320, 500, 500, 500, 500, 500];

export interface RenameDeps {
  readonly rename: (from: string, to: string) => Promise<void>;
  readonly sleep: (ms: number) => Promise<unknown>;
  readonly platform: NodeJS.Platform;
}

const realDeps: RenameDeps = { rename, sleep, platform: process.platform };

/** rename(from, to), retried with a bounded backoff while Windows reports the file as held. */
export async function renameWithRetry(from: string, to: string, deps: RenameDeps = realDeps): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.rename(from, to);
      return;
    } catch (error) {
      const delay = RENAME_BACKOFF_MS[attempt];
      const code = (error as NodeJS.ErrnoException | null)?.code;
      const transient = deps.platform === 'win32' && code !== undefined && TRANSIENT_ON_WINDOWS.has(code);
      if (!transient || delay === undefined) throw error;
      await deps.sleep(delay);
    }
  }
}
