/**
 * Cleanup (the post step): removes exactly the sections a record wrote, if they still hold exactly what was
 * written, then the files and directories the record created if nothing else is left in them. Warns about
 * everything else and leaves it alone.
 */
import { rmdir, unlink } from 'node:fs/promises';
import { type CommitHook, commitFiles, recoverFile } from './atomic-commit.ts';
import { ProfileFileError } from './errors.ts';
import { DEFAULT_LOCK_TIMEOUT_MS, withFileLocks } from './file-lock.ts';
import { planRemoval, type RemovalPlan } from './plan-edits.ts';
import { checkDirectory, ignoreMissing, readSharedFile } from './safe-fs.ts';
import { fixFor } from './shared-files.ts';
import { checkWrittenProfiles, type WrittenFile, type WrittenProfiles } from './written-record.ts';

export interface RemoveOptions {
  lockTimeoutMs?: number;
  /** Test seam: throw from it to simulate a crash at that commit step. */
  onCommitStep?: CommitHook;
}

const hasSections = (file: WrittenFile): boolean =>
  Object.values(file.sections).some((hash) => hash !== null);

/** Returns warnings; throws only when a file cannot be handled safely (a symlink, a lock held too long). */
export async function removeProfiles(
  record: WrittenProfiles,
  options: RemoveOptions = {},
): Promise<string[]> {
  const { files, createdDirs } = checkWrittenProfiles(record);
  const warnings: string[] = [];
  const present: WrittenFile[] = [];
  for (const file of files) {
    if (await checkDirectory(file.path, fixFor(file.kind))) present.push(file);
    else if (hasSections(file))
      warnings.push(`${file.path} is already gone (its directory no longer exists)`);
  }
  await withFileLocks(
    present.map((file) => file.path),
    options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    async (assertHeld) => {
      for (const file of present) await recoverFile(file.path);
      const plans: { file: WrittenFile; plan: RemovalPlan }[] = [];
      for (const file of present) {
        const text = await readSharedFile(file.path, fixFor(file.kind));
        if (text === undefined) {
          if (hasSections(file)) warnings.push(`${file.path} is already gone`);
          continue;
        }
        try {
          const plan = planRemoval({ path: file.path, kind: file.kind, text }, file.sections);
          warnings.push(...plan.warnings);
          plans.push({ file, plan });
        } catch (error) {
          if (!(error instanceof ProfileFileError)) throw error;
          warnings.push(`${file.path} left as it is: ${error.message}`);
        }
      }
      const toWrite = plans.filter(({ plan }) => plan.newText !== plan.text);
      await assertHeld();
      await commitFiles(
        toWrite.map(({ plan }) => ({ target: plan.path, text: plan.newText })),
        options.onCommitStep,
      );
      // A file this record created and that now holds nothing else goes too.
      for (const { file, plan } of plans) {
        if (file.createdFile && plan.newText === '') await ignoreMissing(unlink(file.path));
      }
    },
  );
  for (const dir of [...createdDirs].sort((a, b) => b.length - a.length)) {
    await rmdir(dir).catch(() => undefined); // not empty (or already gone): it stays
  }
  return warnings;
}
