/**
 * The pure part of a write or a cleanup: from the files' current bytes to their new bytes, touching only
 * the named profiles' sections. No I/O, so every rule here is unit- and property-testable.
 */
import { ProfileFileError } from './errors.ts';
import {
  eolStyle,
  joinLines,
  type Line,
  loneCarriageReturn,
  splitLines,
  textToUtf8,
  utf8ToText,
} from './ini-lines.ts';
import {
  appendSection,
  type FileKind,
  findProfileSection,
  headerFor,
  removeSpan,
  replaceSpan,
  type SectionSpan,
  spanText,
} from './ini-sections.ts';
import { readLineViews } from './ini-views.ts';
import { type ProfileToWrite, renderSection } from './render-section.ts';
import { sectionHash } from './written-record.ts';

/** A shared file's bytes (as a byte string), or undefined when it does not exist. */
export interface FileContent {
  readonly path: string;
  readonly kind: FileKind;
  readonly text: string | undefined;
}

export interface FileEdit extends FileContent {
  /** The new bytes; equal to `text` (or '' for a missing file) when nothing changed. */
  readonly newText: string;
  /** Profile → hash of the section now written, or null when it now has none here. */
  readonly sections: Record<string, string | null>;
}

export interface PlanOptions {
  readonly overwrite: boolean;
  /** How to allow replacing another's section, in the caller's words (an input, a flag). */
  readonly overwriteFix?: string;
  readonly jobId?: string;
}

const OVERWRITE_FIX = 'Set overwrite-profile: true to replace it, or choose another profile name';
const DUPLICATE_FIX = 'Edit the file so the profile has exactly one section, or choose another profile name';

function linesOf(file: FileContent): Line[] {
  const text = file.text ?? '';
  const cr = loneCarriageReturn(text);
  if (cr !== -1) {
    throw new ProfileFileError(
      file.path,
      `has a carriage return without a line feed (byte ${cr}); botocore starts a new line there, the JS SDK does not`,
      'Convert the file to LF or CRLF line endings',
    );
  }
  return splitLines(text);
}

/** The profile's section in a file, refusing duplicates, unclear headers and (without overwrite) others'. */
function ownedSection(
  file: FileContent,
  lines: Line[],
  name: string,
  overwrite: boolean,
  overwriteFix = OVERWRITE_FIX,
): SectionSpan | undefined {
  const found = findProfileSection(lines, readLineViews(lines), file.kind, name);
  if (found.found === 'problem') {
    throw new ProfileFileError(file.path, `cannot edit profile '${name}': ${found.problem}`, DUPLICATE_FIX);
  }
  if (found.found === 'none') return undefined;
  if (!found.span.managed && !overwrite) {
    const header = textToUtf8(lines[found.span.start]?.text ?? headerFor(file.kind, name)).trim();
    throw new ProfileFileError(
      file.path,
      `section ${header} (line ${found.span.start + 1}) was not written by assume-aws-role`,
      overwriteFix,
    );
  }
  return found.span;
}

/** Writes each profile into both files: a section where it has values, none where it has not. */
export function planWrite(
  files: readonly FileContent[],
  profiles: readonly ProfileToWrite[],
  options: PlanOptions,
): FileEdit[] {
  const all = files.map((file) => ({ file, lines: linesOf(file) }));
  // Refuse before editing anything: every existing section must be ours (or overwrite allowed).
  for (const { file, lines } of all) {
    for (const profile of profiles)
      ownedSection(file, lines, profile.name, options.overwrite, options.overwriteFix);
  }
  return all.map(({ file, lines }) => {
    const eol = eolStyle(lines);
    const sections: Record<string, string | null> = {};
    for (const profile of profiles) {
      const span = ownedSection(file, lines, profile.name, true);
      const texts = renderSection(file.kind, profile, options.jobId)?.map(utf8ToText);
      if (texts && span) replaceSpan(lines, span, texts, eol);
      else if (texts) appendSection(lines, texts, eol);
      else if (span) removeSpan(lines, span);
      sections[profile.name] = texts ? sectionHash(texts.join(eol)) : null;
    }
    for (const [name, hash] of Object.entries(sections)) assertWritten(file, lines, name, hash);
    return { ...file, newText: joinLines(lines), sections };
  });
}

/** Postcondition: both parsers now find exactly the section we meant (or none). */
function assertWritten(file: FileContent, lines: Line[], name: string, hash: string | null): void {
  const found = findProfileSection(lines, readLineViews(lines), file.kind, name);
  const ok =
    hash === null
      ? found.found === 'none'
      : found.found === 'one' && found.span.managed && sectionHash(spanText(lines, found.span)) === hash;
  if (!ok) throw new Error(`internal: profile '${name}' did not come out as planned in ${file.path}`);
}

export interface RemovalPlan extends FileContent {
  readonly newText: string;
  readonly warnings: string[];
}

/** Removes the recorded sections that still hold exactly what was written; warns about the rest. */
export function planRemoval(
  file: FileContent,
  sections: Readonly<Record<string, string | null>>,
): RemovalPlan {
  const warnings: string[] = [];
  const lines = linesOf(file);
  for (const [name, hash] of Object.entries(sections)) {
    if (hash === null) continue;
    const where = `profile '${name}' in ${file.path}`;
    const found = findProfileSection(lines, readLineViews(lines), file.kind, name);
    if (found.found === 'none') warnings.push(`${where} is already gone`);
    else if (found.found === 'problem') warnings.push(`${where} left in place: ${found.problem}`);
    else if (sectionHash(spanText(lines, found.span)) !== hash) {
      warnings.push(`${where} left in place: it changed after assume-aws-role wrote it`);
    } else removeSpan(lines, found.span);
  }
  return { ...file, newText: joinLines(lines), warnings };
}
