import { constants } from 'node:os';
import { StsRefusalError } from '../diagnosis/sts-refusal.ts';
import { AccountCheckError, InputError, SourceError } from '../errors.ts';
import { UsageError } from './args/usage-error.ts';
import { CommandStartError } from './exec/command-start-error.ts';

/** The CLI's exit statuses, documented in HELP_TEXT. */
export const EXIT_OK = 0;
/** Anything not covered below: a bug, a file that could not be written, a format that cannot carry a value. */
export const EXIT_FAILURE = 1;
/** A bad option or input value; nothing was attempted. */
export const EXIT_USAGE = 2;
/** The first credentials could not be obtained from the source. */
export const EXIT_SOURCE_FAILED = 3;
/** STS refused an AssumeRole call (denied, invalid): the same call fails again. */
export const EXIT_STS_REFUSED = 4;
/** STS could not be had after retries (unreachable, DNS, timeout, 5xx, throttled): it may work later. */
export const EXIT_STS_UNAVAILABLE = 5;
/** The credentials are for an account not in --allowed-account-ids; nothing was printed or written. */
export const EXIT_ACCOUNT_CHECK = 6;
/** The command after -- was not found, as shells report it. */
export const EXIT_COMMAND_NOT_FOUND = 127;
/** The command after -- was found but could not be run (not executable), as shells report it. */
export const EXIT_COMMAND_NOT_EXECUTABLE = 126;
/** A command killed by a signal exits 128 + the signal's number, as shells report it. */
export const SIGNAL_EXIT_BASE = 128;

/** Each status the CLI itself chooses, with its meaning: what --help and the README list. */
export const EXIT_STATUSES: readonly { readonly code: number; readonly meaning: string }[] = [
  { code: EXIT_OK, meaning: 'success' },
  { code: EXIT_USAGE, meaning: 'usage error: a bad option or input value; nothing was attempted' },
  { code: EXIT_SOURCE_FAILED, meaning: 'the source failed: the first credentials could not be obtained' },
  { code: EXIT_STS_REFUSED, meaning: 'STS refused to assume a role (access denied, invalid request)' },
  {
    code: EXIT_STS_UNAVAILABLE,
    meaning: 'STS or the network to it failed after retries (throttling, timeout, DNS, 5xx); try again later',
  },
  { code: EXIT_ACCOUNT_CHECK, meaning: 'the credentials are for an account not in --allowed-account-ids' },
  { code: EXIT_FAILURE, meaning: 'anything else' },
];

/** The exit status for an error the CLI could not recover from. */
export function exitCodeForError(error: unknown): number {
  if (error instanceof AccountCheckError) return EXIT_ACCOUNT_CHECK;
  if (error instanceof UsageError || error instanceof InputError) return EXIT_USAGE;
  if (error instanceof SourceError) return EXIT_SOURCE_FAILED;
  if (error instanceof StsRefusalError) return error.unavailable ? EXIT_STS_UNAVAILABLE : EXIT_STS_REFUSED;
  if (error instanceof CommandStartError)
    return error.notFound ? EXIT_COMMAND_NOT_FOUND : EXIT_COMMAND_NOT_EXECUTABLE;
  return EXIT_FAILURE;
}

/** Exec mode's own status: the command's exit code, or 128 + N when signal N killed it. */
export function childExitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const signalNumber = signal === null ? undefined : constants.signals[signal];
  return signalNumber === undefined ? EXIT_FAILURE : SIGNAL_EXIT_BASE + signalNumber;
}
