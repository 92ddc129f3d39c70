/**
 * Replaces several files together or not at all. Each new file is written to a temp file beside it and
 * fsynced; then a journal listing the pending renames is written beside EVERY target (each names them all);
 * writing the last journal is the commit point. Then the renames, then the journals are deleted in order.
 * Whoever next holds a target's lock calls recoverFile() before reading it: a journal whose last copy
 * exists is rolled forward (rename the temps still there), otherwise rolled back (delete the temps).
 * A single file needs no journal: its rename is atomic. Renames are retried while Windows reports the file
 * held by a scanner or indexer (renameWithRetry).
 */
import { randomBytes } from 'node:crypto';
import { readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readRegularFile } from '../files/read-regular-file.ts';
import { renameWithRetry as rename } from '../files/rename-with-retry.ts';
import { writeNewPrivateFile } from '../files/write-new-private-file.ts';
import { textToBytes } from './ini-lines.ts';
import { ignoreMissing, syncDirectory } from './safe-fs.ts';

const NAME_TAG = '.assume-aws-role.';
export const journalPathFor = (target: string): string => `${target}${NAME_TAG}journal`;
const tempPathFor = (target: string): string => `${target}${NAME_TAG}${randomBytes(6).toString('hex')}.tmp`;
const isTempOf = (temp: string, target: string): boolean =>
  temp.startsWith(target) && /^\.assume-aws-role\.[0-9a-f]+\.tmp$/.test(temp.slice(target.length));

interface Journal {
  version: 1;
  /** The journal copies, in the order they are written and deleted. */
  journals: string[];
  entries: { target: string; temp: string }[];
}

/**
 * Test seam: called after each step; a hook that throws simulates a crash right there (nothing is rolled
 * back or cleaned up). Steps: temp:I, journal:I, rename:I, unjournal:I for file I.
 */
export type CommitHook = (step: string) => void;

/** The steps commitFiles() passes to its hook for `count` files, in order. */
export function commitSteps(count: number): string[] {
  const each = (step: string): string[] => Array.from({ length: count }, (_, index) => `${step}:${index}`);
  return count === 1
    ? ['temp:0', 'rename:0']
    : [...each('temp'), ...each('journal'), ...each('rename'), ...each('unjournal')];
}

class SimulatedCrash extends Error {}

const syncDirectories = async (paths: readonly string[]): Promise<void> => {
  for (const dir of new Set(paths.map((path) => dirname(path)))) await syncDirectory(dir);
};

/**
 * `committed` is called at the commit point: after the last journal (the pair will now be rolled
 * forward, whatever happens), or after the one rename of a single file.
 */
export async function commitFiles(
  files: readonly { target: string; text: string }[],
  hook?: CommitHook,
  committed?: () => void,
): Promise<void> {
  const step = (name: string): void => {
    try {
      hook?.(name);
    } catch (error) {
      throw new SimulatedCrash('simulated crash', { cause: error });
    }
  };
  const entries = files.map(({ target }) => ({ target, temp: tempPathFor(target) }));
  const targets = files.map(({ target }) => target);
  try {
    for (const [index, { temp }] of entries.entries()) {
      await writeNewPrivateFile(temp, textToBytes(files[index]?.text ?? ''));
      step(`temp:${index}`);
    }
    const journals = files.length > 1 ? targets.map(journalPathFor) : [];
    const journal: Journal = { version: 1, journals, entries };
    for (const [index, path] of journals.entries()) {
      const temp = tempPathFor(targets[index] ?? path);
      // UTF-8, unlike the shared files' bytes: the paths in it are text (C:\\Users\\Дмитрий).
      await writeNewPrivateFile(temp, Buffer.from(JSON.stringify(journal), 'utf8'));
      await rename(temp, path);
      await syncDirectory(dirname(path));
      if (index === journals.length - 1) committed?.();
      step(`journal:${index}`);
    }
    for (const [index, entry] of entries.entries()) {
      await rename(entry.temp, entry.target);
      if (journals.length === 0) committed?.();
      step(`rename:${index}`);
    }
    if (entries.length === 0) committed?.();
    await syncDirectories(targets);
    for (const [index, path] of journals.entries()) {
      await ignoreMissing(unlink(path));
      step(`unjournal:${index}`);
    }
    await syncDirectories(journals);
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error.cause;
    for (const target of targets) await recoverFile(target).catch(() => undefined);
    throw error;
  }
}

function parseJournal(text: string): Journal | undefined {
  try {
    const journal = JSON.parse(text) as Journal;
    const sane =
      journal.version === 1 &&
      journal.entries.every((entry) => isTempOf(entry.temp, entry.target)) &&
      journal.journals.every((path) =>
        journal.entries.some((entry) => journalPathFor(entry.target) === path),
      );
    return sane ? journal : undefined;
  } catch {
    return undefined;
  }
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Finishes or undoes an interrupted commit that involved `target`, then deletes its leftover temp files.
 * Call it holding the target's lock, before reading the target.
 */
export async function recoverFile(target: string): Promise<void> {
  const journalPath = journalPathFor(target);
  // Never blocks: a FIFO or a device at the journal's path is no journal.
  const text = await readRegularFile(journalPath, { noFollow: true }).then(
    (bytes) => bytes?.toString('utf8'),
    () => undefined,
  );
  const journal = text === undefined ? undefined : parseJournal(text);
  if (journal) {
    const last = journal.journals.at(-1);
    const committed = last !== undefined && (await exists(last));
    for (const { temp, target: destination } of journal.entries) {
      await ignoreMissing(committed ? rename(temp, destination) : unlink(temp));
    }
    await syncDirectories(journal.entries.map((entry) => entry.target));
    for (const path of journal.journals) await ignoreMissing(unlink(path));
    await syncDirectories(journal.journals);
  } else if (text !== undefined) {
    await ignoreMissing(unlink(journalPath)); // not one of ours: it cannot be acted on
  }
  // Under the lock no commit of this target is running: any temp of it left now is garbage.
  const dir = dirname(target);
  const prefix = basename(target) + NAME_TAG;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && isTempOf(join(dir, name), target))
      await ignoreMissing(unlink(join(dir, name)));
  }
}
