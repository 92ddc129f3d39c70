import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { NO_FOLLOW, PRIVATE_FILE_MODE } from './private-modes.ts';

/**
 * Creates a new file with mode 0600 and durable content: never an existing file, never through a
 * symlink. Callers write it under a temporary name and rename it into place, so a reader sees the old
 * file or the new one, never half. Serves the credential cache and the shared files alike.
 */
export async function writeNewPrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW,
    PRIVATE_FILE_MODE,
  );
  try {
    await handle.chmod(PRIVATE_FILE_MODE); // in case the umask took bits away
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
