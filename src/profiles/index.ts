/**
 * Named profiles in the shared AWS files (~/.aws/credentials and ~/.aws/config).
 *
 * - Only the named sections change; every other byte stays (comments, sub-sections, CRLF, a missing final
 *   newline). Sections are found the way botocore and the JS SDK both read headers; a profile with two
 *   sections, or a header only one parser sees, is refused rather than guessed at.
 * - A section this tool writes carries a marker comment (MARKER_PREFIX). One without it belongs to someone
 *   else: replacing it needs `overwrite`. Writing a profile makes it exactly what was asked in both files.
 * - Files are replaced by a fsynced temp file and a rename, so they end up 0600 (looser modes are
 *   tightened); directories created are 0700; symlinks are refused, never written through.
 * - Writers and cleaners take a lock per file; when both files change, a journal beside each makes the pair
 *   change together: the next lock holder rolls an interrupted commit forward or back before reading.
 * - The record of a write holds hashes of the sections written (no secrets); cleanup removes a section only
 *   if it still matches, and files or directories only if the record created them and they are empty.
 */
export type { CommitHook } from './atomic-commit.ts';
export { commitSteps } from './atomic-commit.ts';
export { InvalidProfileError, ProfileFileError } from './errors.ts';
export { DEFAULT_LOCK_TIMEOUT_MS, STALE_LOCK_MS } from './file-lock.ts';
export { MARKER_PREFIX } from './ini-sections.ts';
export { type SharedFilePaths, sharedFilePaths } from './paths.ts';
export { type RemoveOptions, removeProfiles } from './remove-profiles.ts';
export type { ProfileToWrite } from './render-section.ts';
export { validateProfileName } from './validate.ts';
export { type WriteOptions, writeProfiles } from './write-profiles.ts';
export { mergeWrittenProfiles, type WrittenFile, type WrittenProfiles } from './written-record.ts';
