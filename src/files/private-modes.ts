import { constants } from 'node:fs';

/** Files that hold credentials or their bookkeeping: only their owner may read or write them. */
export const PRIVATE_FILE_MODE = 0o600;
/** Directories this project creates for them: only their owner may list or enter them. */
export const PRIVATE_DIR_MODE = 0o700;
/** O_NOFOLLOW makes open() fail on a symlink (ELOOP); Windows has no such flag (0). */
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
