import {
  ENV_ACCESS_KEY_ID,
  ENV_SECRET_ACCESS_KEY,
  ENV_SESSION_TOKEN,
  type EnvChange,
} from '../exec/credential-env.ts';
import { FormatError } from './format-error.ts';

/**
 * The one single quote left to double: PowerShell also reads U+2018 to U+201B as one, but quotePwsh refuses
 * every non-ASCII character before quoting.
 */
const PWSH_SINGLE_QUOTE = /'/g;
const LINE_BREAKS = /(\r|\n)/;
const LINE_BREAK_LITERALS: ReadonlyMap<string, string> = new Map([
  ['\n', '"`n"'],
  ['\r', '"`r"'],
]);

/** A PowerShell single-quoted string of ASCII text: each quote is doubled, as the parser's own escaper does. */
function quotePwshLiteral(text: string): string {
  return `'${text.replace(PWSH_SINGLE_QUOTE, "''")}'`;
}

/**
 * A PowerShell expression that evaluates to `value` and fits on one line.
 *
 * A single-quoted string may span lines, but `assume-aws-role ... | Invoke-Expression` hands
 * Invoke-Expression one line at a time (PowerShell splits a native command's output on CR and LF),
 * so a line break inside a literal would cut the statement in two. Line breaks are therefore written
 * as the double-quoted escapes "`n" and "`r", joined to single-quoted runs with `+`.
 */
export function quotePwsh(value: string, name = 'the value'): string {
  // PowerShell decodes a command's output in [Console]::OutputEncoding, not UTF-8: a non-ASCII character
  // can come out as a quote (U+201A from UTF-8 `т` under code page 1252) and end the string early.
  const nonAscii = /[^\t\n\r\x20-\x7e]/u.exec(value)?.[0];
  if (nonAscii !== undefined) {
    const code = (nonAscii.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new FormatError(
      name,
      `the value contains the non-ASCII character U+${code}, which PowerShell may read in another code page`,
      'Use --format json instead.',
    );
  }
  if (value === '') return "''";
  return value
    .split(LINE_BREAKS)
    .filter((piece) => piece !== '')
    .map((piece) => LINE_BREAK_LITERALS.get(piece) ?? quotePwshLiteral(piece))
    .join(' + ');
}

/**
 * AWS Tools for PowerShell 4 ignores the variables (version 5 reads them only when all three are set), so
 * when its module is installed the keys are also made the session's credentials. Get-Command finds an
 * installed module's cmdlet without loading it and, with SilentlyContinue, returns nothing where there is
 * none: then the line does nothing. The values are read back from $env:, so no secret is printed twice.
 */
export function setAwsCredentialLine(changes: readonly EnvChange[]): string | undefined {
  const isSet = (name: string) => changes.some((change) => change.name === name && Boolean(change.value));
  if (!isSet(ENV_ACCESS_KEY_ID) || !isSet(ENV_SECRET_ACCESS_KEY)) return undefined;
  const token = isSet(ENV_SESSION_TOKEN) ? ` -SessionToken $env:${ENV_SESSION_TOKEN}` : '';
  return (
    'if (Get-Command Set-AWSCredential -ErrorAction SilentlyContinue) { ' +
    `Set-AWSCredential -AccessKey $env:${ENV_ACCESS_KEY_ID} -SecretKey $env:${ENV_SECRET_ACCESS_KEY}${token} -Scope Global }`
  );
}

/** `$env:NAME = '...'` lines (assigning `$null` removes a variable), then the guarded Set-AWSCredential. */
export function renderPwsh(changes: readonly EnvChange[]): string {
  const lines = changes.map(
    ({ name, value }) => `$env:${name} = ${value === undefined ? '$null' : quotePwsh(value, name)}`,
  );
  const session = setAwsCredentialLine(changes);
  return `${[...lines, ...(session ? [session] : [])].join('\n')}\n`;
}
