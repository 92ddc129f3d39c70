// A purpose-built reader for action.yml: block mappings, sequences of scalars, plain / quoted / block
// scalars and comments. Anything else (flow collections, anchors, tags, multi-line plain scalars)
// throws, so a change to action.yml can never be misread silently.

export type YamlValue = string | null | YamlValue[] | YamlMapping;
export interface YamlMapping {
  [key: string]: YamlValue;
}

export class ActionYamlError extends Error {
  override name = 'ActionYamlError';
}

interface Cursor {
  lines: string[];
  index: number;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isSkippable = (line: string): boolean => line.trim() === '' || line.trimStart().startsWith('#');
const isSequenceItem = (text: string): boolean => text === '-' || text.startsWith('- ');

function fail(cursor: Cursor, message: string): never {
  throw new ActionYamlError(`action.yml line ${cursor.index + 1}: ${message}`);
}

/** The next meaningful line, or undefined at the end; skips blanks and comments. */
function peek(cursor: Cursor): string | undefined {
  while (cursor.index < cursor.lines.length) {
    const line = cursor.lines[cursor.index] ?? '';
    if (/^\s*\t/.test(line) && !isSkippable(line)) fail(cursor, 'tabs are not allowed in indentation');
    if (!isSkippable(line)) return line;
    cursor.index++;
  }
  return undefined;
}

export function parseActionYaml(text: string): YamlMapping {
  const cursor: Cursor = { lines: text.replace(/^\uFEFF/, '').split(/\r?\n/), index: 0 };
  const first = peek(cursor);
  if (first === undefined) return {};
  const root = parseMapping(cursor, indentOf(first));
  if (peek(cursor) !== undefined) fail(cursor, 'unexpected indentation');
  return root;
}

function parseMapping(cursor: Cursor, indent: number): YamlMapping {
  const mapping: YamlMapping = {};
  for (let line = peek(cursor); line !== undefined && indentOf(line) === indent; line = peek(cursor)) {
    const text = line.trim();
    if (isSequenceItem(text)) fail(cursor, 'a sequence item where a key was expected');
    const { key, rest } = splitKey(cursor, text);
    if (Object.hasOwn(mapping, key)) fail(cursor, `duplicate key '${key}'`);
    cursor.index++;
    mapping[key] = parseValue(cursor, rest, indent);
  }
  return mapping;
}

function splitKey(cursor: Cursor, text: string): { key: string; rest: string } {
  if (text.startsWith('"') || text.startsWith("'")) {
    const { value, end } = readQuoted(cursor, text);
    const after = text.slice(end).trimStart();
    if (!after.startsWith(':')) fail(cursor, 'expected a colon after a quoted key');
    return { key: value, rest: after.slice(1).trim() };
  }
  const colon = text.search(/:(\s|$)/);
  if (colon <= 0) fail(cursor, `expected 'key: value', got '${text}'`);
  return { key: text.slice(0, colon).trimEnd(), rest: text.slice(colon + 1).trim() };
}

function parseValue(cursor: Cursor, rest: string, parentIndent: number): YamlValue {
  if (rest === '' || rest.startsWith('#')) {
    const next = peek(cursor);
    if (next === undefined) return null;
    const indent = indentOf(next);
    const item = isSequenceItem(next.trim());
    if (item && indent >= parentIndent) return parseSequence(cursor, indent);
    if (indent > parentIndent) return parseMapping(cursor, indent);
    return null;
  }
  if (/^[|>]/.test(rest)) return parseBlockScalar(cursor, rest, parentIndent);
  const value = parseScalar(cursor, rest);
  const next = peek(cursor);
  if (next !== undefined && indentOf(next) > parentIndent)
    fail(cursor, 'multi-line plain scalars are not supported');
  return value;
}

function parseSequence(cursor: Cursor, indent: number): YamlValue[] {
  const items: YamlValue[] = [];
  for (let line = peek(cursor); line !== undefined && indentOf(line) === indent; line = peek(cursor)) {
    const text = line.trim();
    if (!isSequenceItem(text)) break;
    const item = text.slice(1).trim();
    if (/^[^'"].*:(\s|$)/.test(item)) fail(cursor, 'mappings inside sequences are not supported');
    cursor.index++;
    items.push(item === '' ? null : parseScalar(cursor, item));
  }
  return items;
}

function parseScalar(cursor: Cursor, text: string): string {
  if (text.startsWith('"') || text.startsWith("'")) {
    const { value, end } = readQuoted(cursor, text);
    const after = text.slice(end).trim();
    if (after !== '' && !after.startsWith('#'))
      fail(cursor, `unexpected text after a quoted scalar: '${after}'`);
    return value;
  }
  if (/^[[{&*!%@`]/.test(text)) fail(cursor, `unsupported YAML construct: '${text}'`);
  return text.replace(/\s+#.*$/, '').trim();
}

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = {
  '0': '\0',
  t: '\t',
  n: '\n',
  r: '\r',
  '"': '"',
  '/': '/',
  '\\': '\\',
  ' ': ' ',
};

/** A quoted scalar that closes on the same line; returns its value and the index after the quote. */
function readQuoted(cursor: Cursor, text: string): { value: string; end: number } {
  const quote = text[0];
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i] ?? '';
    if (quote === "'" && char === "'") {
      if (text[i + 1] !== "'") return { value, end: i + 1 };
      value += "'";
      i++;
    } else if (quote === '"' && char === '"') {
      return { value, end: i + 1 };
    } else if (quote === '"' && char === '\\') {
      const escaped = text[++i] ?? '';
      if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
        value += String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else {
        const decoded = DOUBLE_QUOTED_ESCAPES[escaped];
        if (decoded === undefined) fail(cursor, `unsupported escape '\\${escaped}'`);
        value += decoded;
      }
    } else {
      value += char;
    }
  }
  return fail(cursor, 'quoted scalars must close on the same line');
}

function parseBlockScalar(cursor: Cursor, header: string, parentIndent: number): string {
  const match = /^([|>])([+-]?)\s*(#.*)?$/.exec(header);
  if (match === null) fail(cursor, `unsupported block scalar header '${header}'`);
  const [, style, chomping] = match;
  const body: string[] = [];
  let contentIndent: number | undefined;
  while (cursor.index < cursor.lines.length) {
    const line = cursor.lines[cursor.index] ?? '';
    if (line.trim() === '') {
      body.push('');
    } else {
      contentIndent ??= indentOf(line);
      if (indentOf(line) < contentIndent || contentIndent <= parentIndent) break;
      body.push(line.slice(contentIndent));
    }
    cursor.index++;
  }
  let trailing = 0;
  while (body.length > 0 && body.at(-1) === '') {
    body.pop();
    trailing++;
  }
  const content = style === '|' ? body.join('\n') : fold(body);
  if (content === '' || chomping === '-') return content;
  return chomping === '+' ? `${content}\n${'\n'.repeat(trailing)}` : `${content}\n`;
}

/** Folded style: a break between two text lines becomes a space, unless blank lines stand between them. */
function fold(lines: readonly string[]): string {
  const isText = (line: string): boolean => !/^\s/.test(line);
  let out = '';
  let previous: string | undefined;
  let blanks = 0;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      continue;
    }
    if (previous === undefined) out += '\n'.repeat(blanks);
    else if (isText(previous) && isText(line)) out += blanks === 0 ? ' ' : '\n'.repeat(blanks);
    else out += '\n'.repeat(blanks + 1);
    out += line;
    previous = line;
    blanks = 0;
  }
  return out;
}
