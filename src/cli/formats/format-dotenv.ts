import type { EnvChange } from '../exec/credential-env.ts';

/** Values made only of these characters are written bare: every dotenv parser reads them the same way. */
const DOTENV_BARE_VALUE = /^[\w./+=:@,-]*$/;
const DOTENV_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
};
const DOTENV_SPECIALS = /[\\"\n\r]/g;

/**
 * A dotenv value: bare when safe, otherwise double-quoted with the escapes `\\`, `\"`, `\n` and
 * `\r`, the dialect of python-dotenv and Docker Compose. Other characters, tab, `#`, `'` and `$`
 * included, stay literal inside the quotes. Parsers that interpolate (Compose, python-dotenv) would
 * expand a `${NAME}` in a value; credentials never contain one.
 */
export function quoteDotenv(value: string): string {
  if (DOTENV_BARE_VALUE.test(value)) return value;
  return `"${value.replace(DOTENV_SPECIALS, (special) => DOTENV_ESCAPES[special] ?? special)}"`;
}

/**
 * `NAME=value` lines. A dotenv file is a complete set of variables (for `docker run --env-file`,
 * `node --env-file` and the like), not a change to a live shell, so variables to remove are omitted.
 */
export function renderDotenv(changes: readonly EnvChange[]): string {
  const lines = changes.flatMap(({ name, value }) =>
    value === undefined ? [] : [`${name}=${quoteDotenv(value)}`],
  );
  return `${lines.join('\n')}\n`;
}
