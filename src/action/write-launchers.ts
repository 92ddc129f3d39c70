import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensurePrivateDir } from '../cli/cache/private-dir.ts';
import { renameWithRetry } from '../files/rename-with-retry.ts';
import { writeNewPrivateFile } from '../files/write-new-private-file.ts';
import type { RefreshCommand } from './refresh-command.ts';

/**
 * Writes the Windows launchers refreshing profiles point at, before the profiles: each in the private
 * refresh cache directory (under RUNNER_TEMP, which the runner empties after the job), owner-only, and
 * swapped in by a rename, so a client never starts half a file. The name is a hash of the argv, so a
 * launcher is only ever replaced by the same text.
 */
export async function writeLaunchers(commands: readonly RefreshCommand[]): Promise<void> {
  for (const { launcher } of commands) {
    if (!launcher) continue;
    await ensurePrivateDir(dirname(launcher.path));
    const temp = `${launcher.path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeNewPrivateFile(temp, launcher.text);
    try {
      await renameWithRetry(temp, launcher.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}
