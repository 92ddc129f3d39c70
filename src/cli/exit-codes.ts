import { constants } from 'node:os';
import { StsRefusalError } from '../diagnosis/sts-refusal.ts';
import { InputError, SourceError } from '../errors.ts';
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
/** STS refused an AssumeRole call (denied, invalid). */
export const EXIT_STS_REFUSED = 4;
/** The command after -- was not found, as shells report it. */
export const EXIT_COMMAND_NOT_FOUND = 127;
/** The command after -- was found but could not be run (not executable), as shells report it. */
export const EXIT_COMMAND_NOT_EXECUTABLE = 126;
/** A command killed by a signal exits 128 + the signal's number, as shells report it. */
export const SIGNAL_EXIT_BASE = 128;

/** The exit status for an error the CLI could not recover from. */
export function exitCodeForError(error: unknown): number {
  if (error instanceof UsageError || error instanceof InputError) return EXIT_USAGE;
  if (error instanceof SourceError) return EXIT_SOURCE_FAILED;
  if (error instanceof StsRefusalError) return EXIT_STS_REFUSED;
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
