/** Longest part of a value repeated in an error: enough to recognise it, not enough to flood the log. */
const MAX_QUOTED_CHARS = 80;
/** Characters that would hide or rearrange text in a log line: controls, format marks, line separators. */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A non-secret value quoted for an error message: CR, LF and other invisible characters escaped,
 * long values cut (with their length). Never pass a secret here.
 */
export function quote(value: string): string {
  const chars = Array.from(value);
  const shown = chars.length > MAX_QUOTED_CHARS ? `${chars.slice(0, MAX_QUOTED_CHARS).join('')}…` : value;
  const quoted = JSON.stringify(shown).replace(INVISIBLE, escapeChar);
  return chars.length > MAX_QUOTED_CHARS ? `${quoted} (${chars.length} characters)` : quoted;
}

/** One character named for a person: "a space", "a line break", or the character quoted. */
export function describeChar(char: string): string {
  if (char === ' ') return 'a space';
  if (char === '\t') return 'a tab';
  if (char === '\r' || char === '\n') return 'a line break';
  if (/^\s$/u.test(char)) return `whitespace (${escapeChar(char)})`;
  return `'${char.replace(INVISIBLE, escapeChar)}'`;
}

/**
 * One character as \\uXXXX escapes, which JSON reads back as the same character: one beyond U+FFFF (a tag
 * character, say) as its two UTF-16 halves.
 */
export function escapeChar(char: string): string {
  let escaped = '';
  for (let unit = 0; unit < char.length; unit++)
    escaped += `\\u${char.charCodeAt(unit).toString(16).padStart(4, '0')}`;
  return escaped;
}
