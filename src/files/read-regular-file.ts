/**
 * Reading a file named from outside (a token file, a shared file) without ever blocking: the open is
 * non-blocking, so a FIFO with no writer cannot hang the step, and the handle is checked to be a regular
 * file before a byte is read, so a device, a FIFO or a directory is refused by name.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** A token or a shared file is a few KiB; a file beyond this is not one (or is /dev/zero behind a link). */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Windows has neither flag (0): there a FIFO cannot be made with a path that fs can open. */
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export interface ReadOptions {
  /** Refuse a symlink at the path itself (ELOOP) instead of following it. */
  readonly noFollow?: boolean;
  readonly maxBytes?: number;
}

/** The file is not one that can be read safely; names the path and what it is. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  readonly path: string;
  readonly code: string;
  constructor(path: string, code: string, problem: string) {
    super(`${path} ${problem}`);
    this.path = path;
    this.code = code;
  }
}

/** What a non-regular file is, for the message. */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** The file's bytes, or undefined when it does not exist. Throws UnreadableFileError for anything else odd. */
export async function readRegularFile(path: string, options: ReadOptions = {}): Promise<Buffer | undefined> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const flags = constants.O_RDONLY | NON_BLOCKING | (options.noFollow ? NO_FOLLOW : 0);
  const handle = await open(path, flags).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new UnreadableFileError(path, code, 'is a symbolic link');
    if (code === 'EISDIR') throw new UnreadableFileError(path, code, 'is a directory, not a file');
    throw new UnreadableFileError(path, code, `cannot be opened (${code})`);
  });
  if (!handle) return undefined;
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw new UnreadableFileError(path, 'ENOTFILE', `is ${fileKind(stats)}, not a regular file`);
    if (stats.size > maxBytes)
      throw new UnreadableFileError(
        path,
        'EFBIG',
        `is ${stats.size} bytes, more than the ${maxBytes} allowed`,
      );
    const buffer = Buffer.alloc(maxBytes + 1); // one byte more tells a file that grew past the cap
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes)
        throw new UnreadableFileError(path, 'EFBIG', `is larger than the ${maxBytes} bytes allowed`);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
