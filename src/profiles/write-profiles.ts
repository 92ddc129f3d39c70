/** Writes named profiles into both shared files, under their locks, both files or neither. */

import { errno } from '../files/errno.ts';
import { type CommitHook, commitFiles, recoverFile } from './atomic-commit.ts';
import { checkProfiles } from './check-profiles.ts';
import { DEFAULT_LOCK_TIMEOUT_MS, LOCK_SUFFIX, withFileLocks } from './file-lock.ts';
import type { SharedFilePaths } from './paths.ts';
import { type FileEdit, planWrite } from './plan-edits.ts';
import type { ProfileToWrite } from './render-section.ts';
import { ensureDirectory, readSharedFile } from './safe-fs.ts';
import { type SharedFile, sharedFiles } from './shared-files.ts';
import type { WrittenProfiles } from './written-record.ts';

export interface WriteOptions {
  /** Replace sections this tool did not write (they have no marker). */
  overwrite: boolean;
  /** How to allow replacing a section this tool did not write, in the caller's words. */
  overwriteFix?: string;
  /** How long to wait for another writer's lock (default 10 s). */
  lockTimeoutMs?: number;
  /** Shown in the marker comment, so a reader knows which job wrote the section. */
  jobId?: string;
  /** Test seam: throw from it to simulate a crash at that commit step. */
  onCommitStep?: CommitHook;
  /**
   * Called with the record at the commit point, before the write returns: a failure after it (a rename
   * Windows keeps refusing) still leaves the profiles on disk, and the record lets cleanup find them.
   */
  onCommitted?: (record: WrittenProfiles) => void;
  /** Test seam: runs between making the directories and taking the locks (where another job may rmdir). */
  onDirectoriesReady?: () => Promise<void>;
}

const changed = (edit: FileEdit): boolean => edit.newText !== (edit.text ?? '');

export async function writeProfiles(
  paths: SharedFilePaths,
  profiles: readonly ProfileToWrite[],
  options: WriteOptions,
): Promise<WrittenProfiles> {
  checkProfiles(profiles, options.jobId);
  const files = sharedFiles(paths);
  const createdDirs: string[] = [];
  for (let attempt = 1; ; attempt++) {
    for (const file of files) createdDirs.push(...(await ensureDirectory(file.path, file.fix)));
    await options.onDirectoriesReady?.();
    try {
      return await writeLocked(files, profiles, options, createdDirs);
    } catch (error) {
      // Another job's cleanup removed the emptied directory between the check and the lock: make it again.
      if (attempt < MAX_DIRECTORY_ATTEMPTS && lockDirectoryGone(error)) continue;
      throw error;
    }
  }
}

const MAX_DIRECTORY_ATTEMPTS = 3;
const lockDirectoryGone = (error: unknown): boolean =>
  errno(error) === 'ENOENT' && String((error as { path?: unknown }).path ?? '').endsWith(LOCK_SUFFIX);

async function writeLocked(
  files: readonly SharedFile[],
  profiles: readonly ProfileToWrite[],
  options: WriteOptions,
  createdDirs: readonly string[],
): Promise<WrittenProfiles> {
  const timeout = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  return withFileLocks(
    files.map((file) => file.path),
    timeout,
    async (assertHeld) => {
      for (const file of files) await recoverFile(file.path);
      const contents = [];
      for (const file of files) contents.push({ ...file, text: await readSharedFile(file.path, file.fix) });
      const edits = planWrite(contents, profiles, options);
      const toWrite = edits.filter(changed);
      const record: WrittenProfiles = {
        version: 1,
        files: edits.map((edit) => ({
          path: edit.path,
          kind: edit.kind,
          createdFile: edit.text === undefined && changed(edit),
          sections: edit.sections,
        })),
        createdDirs: [...new Set(createdDirs)],
      };
      await assertHeld();
      await commitFiles(
        toWrite.map((edit) => ({ target: edit.path, text: edit.newText })),
        options.onCommitStep,
        () => options.onCommitted?.(record),
      );
      return record;
    },
  );
}
