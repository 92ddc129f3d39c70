/**
 * Text from outside (servers, files, the platform) on its way to a log. The loggers put every message
 * through `printable`, so no line they print can carry a control character or start a workflow command;
 * `untrusted` goes further for a value quoted inside a message: one line, short, every break visible.
 */

/** Line breaks other than LF that a terminal or the runner may honour, and every other control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_OR_LF = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
/** The runner reads a line as a command when its first non-blank characters are `::`. */
const COMMAND_START = /^(\s*)::/gm;
/** What a line that would start a workflow command starts with instead. */
const DEFUSED = '$1:\\:';
/** What a registered secret becomes. */
export const REDACTED = '***';
/** Secrets shorter than this are not redacted on their own (an empty string, a one-letter value). */
const MIN_SECRET_LENGTH = 4;
/** How much of a server's free text a diagnosis quotes. */
export const QUOTE_MAX_CHARS = 200;

const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
};

/** A message made safe to print: control characters shown as escapes, no line can start a `::` command. */
export function printable(message: string): string {
  return message.replace(CONTROL, visible).replace(COMMAND_START, DEFUSED);
}

/** A value from outside, quoted in a message: one line, at most `maxChars`, `::` at its start defused. */
export function untrusted(text: string, maxChars = QUOTE_MAX_CHARS): string {
  const short = text.length > maxChars ? `${text.slice(0, maxChars)}… (${text.length} chars)` : text;
  return short.replace(CONTROL_OR_LF, visible).replace(COMMAND_START, DEFUSED);
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
