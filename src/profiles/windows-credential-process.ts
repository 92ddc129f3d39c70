/**
 * The `credential_process` line for Windows. Every client starts the line its own way:
 * - botocore splits it with its Windows splitter (C runtime rules) and starts argv[0] without a shell;
 * - the JS SDK runs `cmd.exe /d /s /c "<line>"`;
 * - .NET, so AWS Tools for PowerShell, runs `cmd.exe /c <line>` (no /s: cmd may strip the first and last
 *   quote, aws-tools-for-powershell#393);
 * - Go runs `cmd.exe /C` with the line quoted by its own escaping (`\"`, which cmd does not read, aws-sdk-go-v2#3208);
 * - Java runs `cmd.exe /C` with the line wrapped in quotes when it holds a space.
 * A line of plain words (no space inside a word, no quote, no cmd metacharacter) reads the same to all of
 * them. Otherwise the real argv goes into a small `.cmd` launcher whose own path is plain, and the line is
 * that path alone.
 */
import { createHash } from 'node:crypto';
import { win32 } from 'node:path';
import { ProfileFileError } from './errors.ts';

export interface WindowsCredentialProcess {
  /** The value of credential_process. */
  readonly line: string;
  /** The launcher to write (owner-only, before the profile) when the argv is not plain. */
  readonly launcher?: { readonly path: string; readonly text: string };
}

/** A word every launcher passes through unchanged: no space, quote, %, !, ^, &, |, <, >, ( or ). */
const PLAIN_WORD = /^[\w@+=:,./\\-]+$/;
/** A launcher path every launcher runs as written: a drive, then plain ASCII names. */
const PLAIN_PATH = /^[A-Za-z]:(\\[\w.-]+)+$/;
const FIX =
  'Drop refresh for this step, or run it where Node, the action and the launcher directory have ASCII paths';

/** The line for `argv` (argv[0] is node.exe), with a launcher in `launcherDir` when one is needed. */
export function windowsCredentialProcess(
  argv: readonly string[],
  launcherDir: string,
): WindowsCredentialProcess {
  checkArgv(argv);
  if (argv.every((arg) => PLAIN_WORD.test(arg))) return { line: argv.join(' ') };
  const path = win32.join(launcherDir, launcherName(argv));
  if (!PLAIN_PATH.test(path)) {
    throw new ProfileFileError(
      path,
      'is not a path every SDK on Windows can start as written (it needs a drive and only letters, digits, _ . -)',
      `Set RUNNER_TEMP or the shared files' directory to such a path, or drop refresh for this step`,
    );
  }
  return { line: path, launcher: { path, text: launcherText(argv) } };
}

/** One launcher per distinct argv: the same command shares a file, another never overwrites it. */
export function launcherName(argv: readonly string[]): string {
  const hash = createHash('sha256').update(argv.join('\0')).digest('hex').slice(0, 16);
  return `assume-aws-role-${hash}.cmd`;
}

/**
 * The batch file: echo off, delayed expansion off (so `!` is plain), then one command line in CRLF.
 * Node's path is quoted plainly: inside quotes cmd treats & ^ ( ) as text. Every later argument is quoted
 * for the C runtime that node.exe parses its command line with, and then each character cmd would act on,
 * the quotes included, is escaped with ^, so cmd's quote state never changes and nothing is an operator.
 * `%` is doubled, because a batch file expands %…% before anything else, even inside quotes.
 */
export function launcherText(argv: readonly string[]): string {
  checkArgv(argv);
  const [node, ...args] = argv;
  const command = [
    `"${doublePercent(node ?? '')}"`,
    ...args.map((arg) => doublePercent(quoteForCRuntime(arg).replace(/[\^&|<>()"]/g, '^$&'))),
  ].join(' ');
  return ['@echo off', 'setlocal DisableDelayedExpansion', command, ''].join('\r\n');
}

/**
 * Quotes one argument so the C runtime's command-line parser (node.exe's) reads it back exactly:
 * backslashes are literal unless they precede a quote; then they are doubled and the quote escaped.
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments
 */
export function quoteForCRuntime(arg: string): string {
  let out = '"';
  let backslashes = 0;
  for (const char of arg) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    out += '\\'.repeat(char === '"' ? backslashes * 2 + 1 : backslashes) + char;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

const doublePercent = (text: string): string => text.replaceAll('%', '%%');

/**
 * A batch file is read in the OEM code page, not UTF-8, and cannot hold a line break inside a command;
 * node.exe's own path cannot hold a quote. Such argv are refused rather than written wrong.
 */
function checkArgv(argv: readonly string[]): void {
  const node = argv[0];
  if (node === undefined || node.includes('"')) {
    throw new ProfileFileError(node ?? '', 'is not a usable path to node.exe', FIX);
  }
  const index = argv.findIndex((arg) => /[^\x20-\x7e]/.test(arg));
  if (index >= 0) {
    throw new ProfileFileError(
      'credential_process',
      `argument ${index} holds a character a Windows batch launcher cannot carry (a control or non-ASCII character)`,
      FIX,
    );
  }
}
