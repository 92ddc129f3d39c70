import type { EnvChange } from '../exec/credential-env.ts';

const FISH_SINGLE_QUOTE_SPECIALS = /[\\']/g;

/**
 * A fish single-quoted word. fish reads only two escapes inside single quotes, `\\` and `\'`;
 * every other character, newline included, is literal. Escaping every backslash (not only those
 * before a quote) keeps a trailing backslash from escaping the closing quote.
 */
export function quoteFish(value: string): string {
  return `'${value.replace(FISH_SINGLE_QUOTE_SPECIALS, (special) => `\\${special}`)}'`;
}

/**
 * `set -gx NAME 'value'` lines, for `... | source`. Removal erases from the global scope only (where
 * inherited environment variables live), so it never erases a universal variable, which fish would
 * delete from every session of the user. It is guarded by `set -q` because a failed `set -e` sets
 * $status, the later `set -gx` lines pass it on, and `source` would then report a failure.
 */
export function renderFish(changes: readonly EnvChange[]): string {
  const lines = changes.map(({ name, value }) =>
    value === undefined
      ? `if set -q -g ${name}; set -e -g ${name}; end`
      : `set -gx ${name} ${quoteFish(value)}`,
  );
  return `${lines.join('\n')}\n`;
}
