import { errno } from './errno.ts';

/** A write failed for want of space: names the file, which Node's own error does not. */
export class DiskFullError extends Error {
  override name = 'DiskFullError';
  readonly path: string;
  constructor(path: string, code: string) {
    const what = code === 'EDQUOT' ? 'the disk quota is used up' : 'the disk is full';
    super(
      `${path}: could not be written: ${what} (${code}); nothing was changed. Free some space there, then run again`,
    );
    this.path = path;
  }
}

/** The error as a DiskFullError naming `path` when it is ENOSPC or EDQUOT; undefined otherwise. */
export function diskFull(path: string, error: unknown): DiskFullError | undefined {
  const code = errno(error);
  return code === 'ENOSPC' || code === 'EDQUOT' ? new DiskFullError(path, code) : undefined;
}
