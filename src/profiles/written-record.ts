/**
 * The record of exactly what a write changed, handed from the main step to the post step as JSON.
 * It holds hashes, never the secrets themselves.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { ProfileFileError } from './errors.ts';
import { textToBytes } from './ini-lines.ts';
import type { FileKind } from './ini-sections.ts';
import { validateProfileName } from './validate.ts';

export interface WrittenFile {
  /** Absolute path of the shared file. */
  path: string;
  kind: FileKind;
  /** This record created the file: cleanup deletes it once nothing else is left in it. */
  createdFile: boolean;
  /**
   * Profile name → SHA-256 (hex) of the exact bytes of the section written (header to last key line),
   * or null when the write made sure the profile has no section in this file.
   */
  sections: Record<string, string | null>;
}

export interface WrittenProfiles {
  version: 1;
  files: WrittenFile[];
  /** Directories this record created; cleanup removes them, deepest first, when empty. */
  createdDirs: string[];
}

export const sectionHash = (text: string): string =>
  createHash('sha256').update(textToBytes(text)).digest('hex');

/** One record for several writes (`later` is the more recent one: its entry for a profile wins). */
export function mergeWrittenProfiles(earlier: WrittenProfiles, later: WrittenProfiles): WrittenProfiles {
  const files = new Map(
    earlier.files.map((file) => [file.path, { ...file, sections: { ...file.sections } }]),
  );
  for (const file of later.files) {
    const known = files.get(file.path);
    if (known && known.kind !== file.kind) {
      throw new ProfileFileError(
        file.path,
        'is recorded both as a credentials file and as a config file',
        'Point AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE at two different files',
      );
    }
    files.set(file.path, {
      path: file.path,
      kind: file.kind,
      createdFile: (known?.createdFile ?? false) || file.createdFile,
      sections: { ...known?.sections, ...file.sections },
    });
  }
  const createdDirs = [...new Set([...earlier.createdDirs, ...later.createdDirs])];
  return { version: 1, files: [...files.values()], createdDirs };
}

/** Checks a record that came back through JSON; throws on anything this module did not produce. */
export function checkWrittenProfiles(value: unknown): WrittenProfiles {
  const bad = (why: string): never => {
    throw new ProfileFileError(
      '(written-profiles record)',
      why,
      'Pass the record that writeProfiles returned',
    );
  };
  const record = value as Partial<WrittenProfiles> | null;
  if (typeof record !== 'object' || record === null || record.version !== 1) bad('unknown record version');
  const { files, createdDirs } = record as WrittenProfiles;
  if (!Array.isArray(files) || !Array.isArray(createdDirs)) bad('files and createdDirs must be arrays');
  for (const dir of createdDirs)
    if (typeof dir !== 'string' || !isAbsolute(dir)) bad('a directory is not absolute');
  for (const file of files) {
    if (typeof file?.path !== 'string' || !isAbsolute(file.path)) bad('a file path is not absolute');
    if (file.kind !== 'credentials' && file.kind !== 'config') bad(`unknown file kind for ${file.path}`);
    if (typeof file.createdFile !== 'boolean') bad(`createdFile missing for ${file.path}`);
    if (typeof file.sections !== 'object' || file.sections === null) bad(`sections missing for ${file.path}`);
    for (const [name, hash] of Object.entries(file.sections)) {
      const problem = validateProfileName(name);
      if (problem) bad(problem);
      if (hash !== null && !/^[0-9a-f]{64}$/.test(String(hash))) bad(`bad hash for profile '${name}'`);
    }
  }
  return record as WrittenProfiles;
}
