/**
 * A shared file as lines that keep their own line endings, so that editing a few lines leaves every other
 * byte as it was. Text is held as a "byte string" (latin1: one char per byte) so any encoding round-trips.
 */

export type Eol = '\n' | '\r\n';

export interface Line {
  /** The line's bytes without its ending. */
  readonly text: string;
  /** Its ending; '' only for a last line without one. */
  readonly eol: Eol | '';
}

/** Bytes to a byte string, and back: lossless for any content. */
export const bytesToText = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
export const textToBytes = (text: string): Buffer => Buffer.from(text, 'latin1');
/** Our own (UTF-8) text as a byte string, for inserting into a file. */
export const utf8ToText = (value: string): string => Buffer.from(value, 'utf8').toString('latin1');
/** A byte string read as UTF-8, as both parsers read it. */
export const textToUtf8 = (text: string): string => Buffer.from(text, 'latin1').toString('utf8');

/** Index of a carriage return that does not end a CRLF, or -1. Python splits lines there; the SDK does not. */
export function loneCarriageReturn(text: string): number {
  return text.search(/\r(?!\n)/);
}

/** The file's lines; '' is no lines at all. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ text: text.slice(start), eol: '' });
      break;
    }
    const crlf = newline > start && text[newline - 1] === '\r';
    lines.push({ text: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** The file's own line ending (that of its first line), LF when it has none yet. */
export function eolStyle(lines: readonly Line[]): Eol {
  return lines[0]?.eol === '\r\n' ? '\r\n' : '\n';
}
