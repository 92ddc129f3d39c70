/**
 * Finding a profile's section in a shared file the way botocore and the JS SDK both would, and editing
 * exactly that section's lines.
 */
import { type Eol, type Line, textToUtf8 } from './ini-lines.ts';
import type { LineView } from './ini-views.ts';
import { shlexSplit } from './shlex-split.ts';

export type FileKind = 'credentials' | 'config';

/** The first line of every section this tool writes (a full-line comment inside the section). */
export const MARKER_PREFIX = '# assume-aws-role: managed';

/** The header this tool writes for a profile. */
export function headerFor(kind: FileKind, name: string): string {
  return kind === 'credentials' || name === 'default' ? `[${name}]` : `[profile ${name}]`;
}

/** Which profile botocore reads from a section name (configloader.build_profile_map). */
function botocoreProfile(kind: FileKind, header: string): string | undefined {
  if (kind === 'credentials' || header === 'default') return header;
  if (!header.startsWith('profile')) return undefined;
  const parts = shlexSplit(header);
  return parts?.length === 2 ? parts[1] : undefined;
}

/** Which profile the SDK reads from a section name (parseIni + getConfigData). */
const SDK_PREFIXED = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
function sdkProfile(kind: FileKind, header: string): string | undefined {
  const prefixed = SDK_PREFIXED.exec(header);
  if (kind === 'credentials') return prefixed ? undefined : header;
  if (header === 'default') return header;
  return prefixed?.[1] === 'profile' ? prefixed[3] : undefined;
}

export interface SectionSpan {
  /** The header line. */
  readonly start: number;
  /** The section's last line that is not blank or a comment (trailing comments stay with what follows). */
  readonly end: number;
  /** Whether a marker line says this tool wrote it. */
  readonly managed: boolean;
}

export type FindResult =
  | { readonly found: 'none' }
  | { readonly found: 'one'; readonly span: SectionSpan }
  | { readonly found: 'problem'; readonly problem: string };

const isHeader = (view: LineView): boolean =>
  view.botocoreHeader !== undefined || view.sdkHeader !== undefined;
const bothHeader = (view: LineView): boolean =>
  view.botocoreHeader !== undefined && view.sdkHeader !== undefined;

/** The one section either parser reads as profile `name`, or why it cannot be edited safely. */
export function findProfileSection(
  lines: readonly Line[],
  views: readonly LineView[],
  kind: FileKind,
  name: string,
): FindResult {
  const starts = views.flatMap((view, index) => {
    const byBotocore =
      view.botocoreHeader !== undefined && botocoreProfile(kind, view.botocoreHeader) === name;
    const bySdk = view.sdkHeader !== undefined && sdkProfile(kind, view.sdkHeader) === name;
    return byBotocore || bySdk ? [index] : [];
  });
  const [start] = starts;
  if (start === undefined) return { found: 'none' };
  const lineNumbers = starts.map((index) => index + 1).join(', ');
  if (starts.length > 1) {
    return {
      found: 'problem',
      problem: `profile '${name}' has ${starts.length} sections (lines ${lineNumbers})`,
    };
  }
  const unclear = (index: number, why: string): FindResult => ({
    found: 'problem',
    problem: `line ${index + 1} (${JSON.stringify(textToUtf8(lines[index]?.text ?? ''))}) ${why}`,
  });
  if (!bothHeader(views[start] as LineView)) {
    return unclear(start, 'is a section header to only one of botocore and the JS SDK');
  }
  let next = start + 1;
  while (next < views.length && !isHeader(views[next] as LineView)) next++;
  if (next < views.length) {
    if (!bothHeader(views[next] as LineView)) {
      return unclear(next, 'is a section header to only one of botocore and the JS SDK');
    }
    // After our unindented keys, an indented header would become a continuation line to botocore.
    if (/^\s/.test(lines[next]?.text ?? '')) return unclear(next, 'is an indented section header');
  }
  let end = next - 1;
  while (end > start && views[end]?.trivia) end--;
  const managed = lines.slice(start + 1, end + 1).some((line) => line.text.startsWith(MARKER_PREFIX));
  return { found: 'one', span: { start, end, managed } };
}

/** The exact bytes of a span: its lines with their inner line endings, without the last one's. */
export function spanText(lines: readonly Line[], span: SectionSpan): string {
  const text = lines
    .slice(span.start, span.end + 1)
    .map((line) => line.text + line.eol)
    .join('');
  const lastEol = lines[span.end]?.eol ?? '';
  return lastEol ? text.slice(0, -lastEol.length) : text;
}

/** Lines of a section as Line objects: all end with `eol`, except that the last one ends with `lastEol`. */
function toLines(texts: readonly string[], eol: Eol, lastEol: Eol | ''): Line[] {
  return texts.map((text, index) => ({ text, eol: index === texts.length - 1 ? lastEol : eol }));
}

/** Replaces a span in place; the new last line keeps the old last line's ending. */
export function replaceSpan(lines: Line[], span: SectionSpan, texts: readonly string[], eol: Eol): void {
  lines.splice(span.start, span.end - span.start + 1, ...toLines(texts, eol, lines[span.end]?.eol ?? eol));
}

/**
 * Appends a section. A file without a final line ending keeps lacking one: the break goes before our
 * header instead, so removing the section later restores the file byte for byte.
 */
export function appendSection(lines: Line[], texts: readonly string[], eol: Eol): void {
  const last = lines.at(-1);
  if (last && last.eol === '') {
    lines[lines.length - 1] = { text: last.text, eol };
    lines.push(...toLines(texts, eol, ''));
  } else {
    lines.push(...toLines(texts, eol, eol));
  }
}

/** Removes a span; the inverse of appendSection when the span ends the file without a line ending. */
export function removeSpan(lines: Line[], span: SectionSpan): void {
  const before = lines[span.start - 1];
  if (lines[span.end]?.eol === '' && before) lines[span.start - 1] = { text: before.text, eol: '' };
  lines.splice(span.start, span.end - span.start + 1);
}
