import { constants } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { diskFull } from './disk-full.ts';
import { NO_FOLLOW, PRIVATE_FILE_MODE } from './private-modes.ts';
import { restrictToOwner } from './restrict-to-owner.ts';

/**
 * Creates a new file with mode 0600 and durable content: never an existing file, never through a
 * symlink. Callers write it under a temporary name and rename it into place, so a reader sees the old
 * file or the new one, never half. Serves the credential cache and the shared files alike. On Windows,
 * where modes do nothing, the still-empty file gets an owner-only ACL before any byte is written (a
 * rename keeps it). A failed write (a full disk) leaves no file behind, and a full disk is named with
 * the file.
 */
export async function writeNewPrivateFile(
  path: string,
  data: string | Uint8Array,
  restrict: (path: string, kind: 'file') => Promise<void> = restrictToOwner,
): Promise<void> {
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW,
    PRIVATE_FILE_MODE,
  ).catch((error: unknown) => {
    throw diskFull(path, error) ?? error;
  });
  try {
    await handle.chmod(PRIVATE_FILE_MODE); // in case the umask took bits away
    await restrict(path, 'file');
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw diskFull(path, error) ?? error;
  }
  await handle.close();
}
