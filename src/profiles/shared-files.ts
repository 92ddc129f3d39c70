/** The two shared files as this module handles them: absolute, distinct, each with its own fix text. */
import { resolve } from 'node:path';
import { ProfileFileError } from './errors.ts';
import type { FileKind } from './ini-sections.ts';
import { CONFIG_FILE_VAR, CREDENTIALS_FILE_VAR, type SharedFilePaths } from './paths.ts';

export interface SharedFile {
  readonly path: string;
  readonly kind: FileKind;
  /** What to do when the path is a symlink or not a file. */
  readonly fix: string;
}

export const fixFor = (kind: FileKind): string =>
  `Set ${kind === 'credentials' ? CREDENTIALS_FILE_VAR : CONFIG_FILE_VAR} to the real file's path ` +
  '(not a path through a symbolic link)';

/** Where two paths that differ only in case name one file (NTFS and APFS by default). */
const CASE_INSENSITIVE: readonly NodeJS.Platform[] = ['win32', 'darwin'];

export function sharedFiles(paths: SharedFilePaths, platform = process.platform): SharedFile[] {
  const credentials = resolve(paths.credentialsFile);
  const config = resolve(paths.configFile);
  const fold = (path: string) => (CASE_INSENSITIVE.includes(platform) ? path.toLowerCase() : path);
  if (fold(credentials) === fold(config)) {
    throw new ProfileFileError(
      credentials,
      'is both the credentials file and the config file',
      `Point ${CREDENTIALS_FILE_VAR} and ${CONFIG_FILE_VAR} at two different files`,
    );
  }
  return [
    { path: credentials, kind: 'credentials', fix: fixFor('credentials') },
    { path: config, kind: 'config', fix: fixFor('config') },
  ];
}
