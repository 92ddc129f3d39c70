/**
 * Text from outside (servers, files, the platform) on its way to a log: the one place that escapes it.
 * The loggers put every message through `printable`, so no line they print can carry a control character
 * or start a workflow command; `untrusted` goes further for a server's free text quoted inside a message:
 * one line, short, every break visible. `quoted` and `escapeLine` do the same for a value or a text that
 * a person copies (a condition, a claim), as \uXXXX escapes that keep JSON valid.
 */
import { escapeChar, INVISIBLE, quote } from './settings/quote.ts';

/**
 * Line breaks other than LF that a terminal or the runner may honour, every other control character, and
 * the format characters that hide or reorder text (bidi overrides, zero-width marks). Tab stays.
 */
const CONTROL = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const CONTROL_OR_LF = /(?!\t)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** The runner reads a line as a command when its first non-blank characters are `::`. */
const COMMAND_START = /^(\s*)::/gm;
/** What a line that would start a workflow command starts with instead. */
const DEFUSED = '$1:\\:';
/** The runner still reads the legacy `##[command]` form anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;
const LEGACY_DEFUSED = '#\\#[';
/** What a registered secret becomes. */
export const REDACTED = '***';
/** Secrets shorter than this are not redacted on their own (an empty string, a one-letter value). */
const MIN_SECRET_LENGTH = 4;
/** How much of a server's free text a diagnosis quotes. */
export const QUOTE_MAX_CHARS = 200;

const visible = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
};

/** A message made safe to print: control characters shown as escapes, no line can hold a command. */
export function printable(message: string): string {
  return message
    .replace(CONTROL, visible)
    .replace(COMMAND_START, DEFUSED)
    .replace(LEGACY_COMMAND, LEGACY_DEFUSED);
}

/** A value from outside, quoted in a message: one line, at most `maxChars`, commands defused. */
export function untrusted(text: string, maxChars = QUOTE_MAX_CHARS): string {
  const short = text.length > maxChars ? `${text.slice(0, maxChars)}… (${text.length} chars)` : text;
  return short
    .replace(CONTROL_OR_LF, visible)
    .replace(COMMAND_START, DEFUSED)
    .replace(LEGACY_COMMAND, LEGACY_DEFUSED);
}

/** The secrets registered so far, and a function that removes them from any text. */
export interface Redactor {
  add(secret: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    add(secret) {
      if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
    },
    redact(text) {
      let result = text;
      // Longest first, so a secret that contains another is removed whole.
      for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        result = result.replaceAll(secret, REDACTED);
      }
      return result;
    },
  };
}

/** Text kept copyable: invisible characters as \uXXXX, and `::` and `##[` broken up. JSON stays valid JSON. */
export function escapeLine(text: string): string {
  return text.replace(INVISIBLE, escapeChar).replaceAll('::', ':\\u003a').replaceAll('##[', '#\\u0023[');
}

/** A value quoted for a message (cut when long), on one line and without `::`. Never pass a secret. */
export function quoted(value: string): string {
  return escapeLine(quote(value));
}
