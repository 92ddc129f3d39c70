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
 * delete from every session of the user; one that is set is named on stderr instead. It is guarded by `set -q` because a failed `set -e` sets
 * $status, the later `set -gx` lines pass it on, and `source` would then report a failure.
 */
export function renderFish(changes: readonly EnvChange[]): string {
  const lines = changes.flatMap(({ name, value }) =>
    value === undefined
      ? [`if set -q -g ${name}; set -e -g ${name}; end`, universalWarning(name)]
      : [`set -gx ${name} ${quoteFish(value)}`],
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A universal variable (`set -Ux AWS_PROFILE dev`) still shows once the global is erased, and an SDK
 * may prefer it to the new keys: said on stderr, with the command that removes it everywhere.
 */
function universalWarning(name: string): string {
  return `if set -q -U ${name}; echo "assume-aws-role: the universal variable ${name} is still set, and some SDKs would use it instead of these credentials; remove it with: set -e -U ${name}" >&2; end`;
}
