/**
 * How botocore (Python configparser) and the JS SDK (@smithy parseIni) each read every line of a shared
 * file: which lines are section headers, and what section name they open. The two disagree on edge cases
 * (an indented header is a continuation line to botocore; a header followed by text is no header to the
 * SDK), so callers look at both views.
 */
import { type Line, textToUtf8 } from './ini-lines.ts';

export interface LineView {
  /** The section name botocore reads here (the text between the brackets), if this is a header to it. */
  readonly botocoreHeader?: string;
  /** The section name the SDK reads here, if this is a header to it. */
  readonly sdkHeader?: string;
  /** A blank or full-line comment to botocore: it never belongs to a value. */
  readonly trivia: boolean;
}

/** Python's str.isspace() characters (str.strip() and the regex \s use the same set). */
const PYTHON_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PYTHON_EDGE_SPACE = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, 'g');
const PYTHON_NON_SPACE = new RegExp(`[^${PYTHON_SPACE}]`);
const pythonStrip = (text: string): string => text.replace(PYTHON_EDGE_SPACE, '');

export function readLineViews(lines: readonly Line[]): LineView[] {
  const views: LineView[] = [];
  // configparser's state: inside a section, the current option (so indented lines continue it), its indent.
  let inSection = false;
  let hasOption = false;
  let indentLevel = 0;
  for (const line of lines) {
    const text = textToUtf8(line.text);
    const sdkHeader = readSdkHeader(text);
    const value = pythonStrip(text);
    if (value === '' || value.startsWith('#') || value.startsWith(';')) {
      views.push({ sdkHeader, trivia: true });
      continue;
    }
    const indent = text.search(PYTHON_NON_SPACE);
    if (inSection && hasOption && indent > indentLevel) {
      views.push({ sdkHeader, trivia: false }); // a continuation of the option above
      continue;
    }
    indentLevel = indent;
    const close = value.lastIndexOf(']');
    if (value.startsWith('[') && close >= 2) {
      inSection = true;
      hasOption = false;
      views.push({ botocoreHeader: value.slice(1, close), sdkHeader, trivia: false });
      continue;
    }
    // An option line: the name is what precedes the first '=' or ':'; an empty name opens nothing.
    const delimiter = value.search(/[=:]/);
    if (inSection && delimiter !== -1) hasOption = pythonStrip(value.slice(0, delimiter)) !== '';
    views.push({ sdkHeader, trivia: false });
  }
  return views;
}

/** parseIni: cut at an inline comment, trim, and a line in brackets is a header. */
function readSdkHeader(text: string): string | undefined {
  const trimmed = (text.split(/(?:^|\s)[;#]/)[0] ?? '').trim();
  if (trimmed.length < 2 || !trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  return trimmed.slice(1, -1);
}
