import type { EnvChange } from '../exec/credential-env.ts';

/** Characters the PowerShell tokenizer accepts as a single quote: ' and U+2018 to U+201B. */
const PWSH_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;
const LINE_BREAKS = /(\r|\n)/;
const LINE_BREAK_LITERALS: ReadonlyMap<string, string> = new Map([
  ['\n', '"`n"'],
  ['\r', '"`r"'],
]);

/** A PowerShell single-quoted string: each quote character is doubled, as the parser's own escaper does. */
export function quotePwshLiteral(text: string): string {
  return `'${text.replace(PWSH_SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/**
 * A PowerShell expression that evaluates to `value` and fits on one line.
 *
 * A single-quoted string may span lines, but `assume-aws-role ... | Invoke-Expression` hands
 * Invoke-Expression one line at a time (PowerShell splits a native command's output on CR and LF),
 * so a line break inside a literal would cut the statement in two. Line breaks are therefore written
 * as the double-quoted escapes "`n" and "`r", joined to single-quoted runs with `+`.
 */
export function quotePwsh(value: string): string {
  if (value === '') return "''";
  return value
    .split(LINE_BREAKS)
    .filter((piece) => piece !== '')
    .map((piece) => LINE_BREAK_LITERALS.get(piece) ?? quotePwshLiteral(piece))
    .join(' + ');
}

/** `$env:NAME = '...'` lines; assigning `$null` removes a variable. */
export function renderPwsh(changes: readonly EnvChange[]): string {
  const lines = changes.map(
    ({ name, value }) => `$env:${name} = ${value === undefined ? '$null' : quotePwsh(value)}`,
  );
  return `${lines.join('\n')}\n`;
}
