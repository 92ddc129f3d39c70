import { quote } from '../settings/quote.ts';

/** Characters that would break or hide a log line: controls, format marks, line separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * Text from a token, a file or the environment made safe for one log line: invisible characters as
 * \uXXXX, and `::` broken up so no runner reads a workflow command. JSON stays valid JSON.
 */
export function escapeLine(text: string): string {
  return text
    .replace(INVISIBLE, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
    .replaceAll('::', ':\\u003a');
}

/** A value quoted for a message (cut when long), on one line and without `::`. Never pass a secret. */
export function printable(value: string): string {
  return escapeLine(quote(value));
}
