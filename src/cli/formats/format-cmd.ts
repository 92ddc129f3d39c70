import type { EnvChange } from '../exec/credential-env.ts';
import { FormatError } from './format-error.ts';

/** cmd.exe refuses a command line longer than this (after % expansion). */
export const CMD_MAX_LINE_LENGTH = 8191;
export const CMD_HEADER = '@rem Save as a .cmd file and run it in this window: call aws-creds.cmd';

/**
 * The rules this format is written for: the output is a batch file, saved and run with `call`
 * (from a prompt or another batch file), and each line is `@set "NAME=value"`.
 *
 * In a batch line, only these phases can change `value` inside the double quotes:
 * - reading the line: LF ends it, Ctrl-Z (0x1A) is read as LF, and CR is dropped;
 * - percent expansion: `%%` becomes `%`, and `%NAME%` or `%1` expands; so `%` is written `%%`
 *   (this is the batch-file rule: typed at the prompt, `%%` would stay `%%`);
 * - special characters: inside the quotes `^ & | < > ( )` are plain text, and `"` ends the quotes;
 * - delayed expansion, when the caller has it on: `!NAME!` expands and `^` escapes, but only in a
 *   line that contains a `!`. No escape of `!` works both with it on and off, so `!` is refused,
 *   and then `^` is literal in either mode.
 * `set` takes everything between the first `=` and the last `"`.
 *
 * So a value is refused when it holds `"`, `!`, any control character other than tab (CR, LF and
 * Ctrl-Z among them), or a non-ASCII character (cmd decodes the file in the console's code page,
 * not UTF-8). Real STS keys and tokens use only `[A-Za-z0-9/+=]`, so they are never refused.
 */
export function quoteCmd(name: string, value: string): string {
  for (const char of value) {
    const problem = cmdProblem(char);
    if (problem !== undefined) {
      throw new FormatError(
        name,
        `the value contains ${problem}, which a cmd batch file cannot carry safely`,
        'Use --format pwsh or --format json instead.',
      );
    }
  }
  return value.replaceAll('%', '%%');
}

function cmdProblem(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (char === '"') return 'a double quote (it would end the quoting)';
  if (char === '!') return 'an exclamation mark (its meaning depends on delayed expansion)';
  if (code === 0x0a || code === 0x0d || code === 0x1a) return 'a line break (it would end the command)';
  if (code < 0x20 && char !== '\t') return `the control character U+${hex(code)}`;
  if (code > 0x7e) return `the non-ASCII character U+${hex(code)} (cmd reads the console's code page)`;
  return undefined;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** `@set "NAME=value"` lines; `@set "NAME="` removes a variable. `@` keeps each line from echoing without changing the caller's echo state. */
export function renderCmd(changes: readonly EnvChange[]): string {
  const lines = changes.map(({ name, value }) => {
    const line = `@set "${name}=${value === undefined ? '' : quoteCmd(name, value)}"`;
    if (line.length > CMD_MAX_LINE_LENGTH) {
      throw new FormatError(
        name,
        `the line would be ${line.length} characters, more than cmd's limit of ${CMD_MAX_LINE_LENGTH}`,
        'Use --format pwsh or --format json instead.',
      );
    }
    return line;
  });
  return `${[CMD_HEADER, ...lines].join('\n')}\n`;
}
