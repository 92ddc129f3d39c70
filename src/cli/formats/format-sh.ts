import type { EnvChange } from '../exec/credential-env.ts';

/**
 * A POSIX single-quoted word. Inside single quotes every byte is literal, newlines included, so
 * the only character to handle is the quote itself: close, add an escaped quote, reopen (`'\''`).
 * Valid for sh, dash, bash, zsh and ksh, both typed and through `eval "$(...)"`.
 */
export function quoteSh(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `export NAME='value'` lines, and `unset NAME` for variables to remove. */
export function renderSh(changes: readonly EnvChange[]): string {
  const lines = changes.map(({ name, value }) =>
    value === undefined ? `unset ${name}` : `export ${name}=${quoteSh(value)}`,
  );
  return `${lines.join('\n')}\n`;
}
