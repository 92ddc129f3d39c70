/**
 * Random shared files as people really keep them: comments (# and ;), blank lines, other profiles,
 * `s3 =` sub-sections with indented keys, sso-session and services sections, odd spacing, UTF-8,
 * CRLF or LF, with or without a final newline. Each file is kept as a list of items so a test can say
 * exactly what the bytes must be after a section is appended, replaced or removed.
 */
import fc from 'fast-check';

export type Eol = '\n' | '\r\n';

/** A run of lines: a whole section (header to last key line), or trivia between sections. */
export interface Item {
  readonly lines: readonly string[];
  /** For a profile section: the profile both parsers read it as. */
  readonly profile?: string;
}

export interface GeneratedFile {
  readonly items: readonly Item[];
  readonly eol: Eol;
  readonly finalNewline: boolean;
  /** The file does not exist at all. */
  readonly absent: boolean;
}

export function render(file: Pick<GeneratedFile, 'items' | 'eol' | 'finalNewline'>): string {
  const lines = file.items.flatMap((item) => item.lines);
  if (lines.length === 0) return '';
  return lines.join(file.eol) + (file.finalNewline ? file.eol : '');
}

/** Names of existing sections; a test writes FRESH_NAMES (never present) or these (to overwrite). */
export const EXISTING_NAMES = ['dev', 'prod', 'a.b', 'x@y', 'team:ro', 'default', 'p_1'] as const;
export const FRESH_NAMES = ['ci', 'deploy.1', 'me@corp', 'x+y', '50%', 'role:ro-2'] as const;

const text = fc.constantFrom(
  '',
  'note',
  ' spaced  out ',
  'ünïcødé ✓',
  '[not a header]',
  'key = value',
  '#;#',
);
const comment = fc
  .tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.constantFrom('#', ';'), text)
  .map(([indent, mark, body]) => `${indent}${mark}${body}`);
const blank = fc.constantFrom('', '   ', '\t');
const trivia: fc.Arbitrary<Item> = fc
  .array(fc.oneof(comment, blank), { minLength: 1, maxLength: 3 })
  .map((lines) => ({ lines }));

const keyName = fc.constantFrom(
  'region',
  'output',
  'role_arn',
  'source_profile',
  'cli_pager',
  'sso_session',
  'x_custom',
);
const value = fc.constantFrom(
  'us-east-1',
  'json',
  'arn:aws:iam::123456789012:role/r',
  'a b c',
  'x#y',
  'ü',
  'http://localhost:4566',
);
const assignment = fc
  .tuple(keyName, fc.constantFrom(' = ', '=', '   =  ', ' =', '= '), value, fc.constantFrom('', '  '))
  .map(([key, eq, v, trailing]) => ({ key, line: `${key}${eq}${v}${trailing}` }));
const nestedKey = fc
  .tuple(
    fc.constantFrom('  ', '    ', '\t'),
    fc.constantFrom('max_concurrent_requests', 'endpoint_url', 'signature_version'),
    value,
  )
  .map(([indent, key, v]) => ({ key, line: `${indent}${key} = ${v}` }));
const subSection = fc
  .tuple(
    fc.constantFrom('s3', 'dynamodb', 'sts'),
    fc.uniqueArray(nestedKey, { minLength: 1, maxLength: 3, selector: (k) => k.key }),
  )
  .map(([key, nested]) => ({ key, lines: [`${key} =`, ...nested.map((n) => n.line)] }));

/** Section body: unique keys; comments and blanks only between keys, so the body ends with a key line. */
const body = fc
  .tuple(
    fc.uniqueArray(
      fc.oneof(
        assignment.map((a) => ({ key: a.key, lines: [a.line] })),
        subSection,
      ),
      {
        minLength: 1,
        maxLength: 4,
        selector: (entry) => entry.key,
      },
    ),
    fc.array(fc.oneof(comment, blank), { maxLength: 2 }),
  )
  .map(([entries, between]) =>
    entries.flatMap((entry, index) =>
      index > 0 && between[index - 1] !== undefined
        ? [between[index - 1] as string, ...entry.lines]
        : entry.lines,
    ),
  );

const credentialsBody = fc
  .tuple(
    fc.constantFrom(' = ', '=', ' =  '),
    fc.stringMatching(/^[A-Z0-9]{16,20}$/),
    fc.stringMatching(/^[A-Za-z0-9/+]{20,40}$/),
  )
  .map(([eq, id, secret]) => [`aws_access_key_id${eq}${id}`, `aws_secret_access_key${eq}${secret}`]);

const configHeader = (name: string) =>
  name === 'default'
    ? fc.constantFrom('[default]', '[default]  ')
    : fc.constantFrom(
        `[profile ${name}]`,
        `[profile  ${name} ]`,
        `[profile ${name}]\t`,
        `[profile ${name}] # theirs`,
      );

const configSection = (name: string): fc.Arbitrary<Item> =>
  fc.tuple(configHeader(name), body).map(([header, lines]) => ({ lines: [header, ...lines], profile: name }));
const otherConfigSection: fc.Arbitrary<Item> = fc
  .tuple(fc.constantFrom('[sso-session corp]', '[services local]', '[preview]', '[ profile spaced ]'), body)
  .map(([header, lines]) => ({ lines: [header, ...lines] }));
const credentialsSection = (name: string): fc.Arbitrary<Item> =>
  fc
    .tuple(fc.constantFrom(`[${name}]`, `[${name}]  `), credentialsBody, fc.array(comment, { maxLength: 1 }))
    .map(([header, keys, inner]) => ({ lines: [header, ...inner, ...keys], profile: name }));

/** A file: trivia, then sections with trivia between them; unique section names (botocore requires it). */
export function sharedFile(kind: 'credentials' | 'config'): fc.Arbitrary<GeneratedFile> {
  const names = fc.uniqueArray(fc.constantFrom(...EXISTING_NAMES), { maxLength: 4 });
  const sections = names.chain((chosen) => {
    const profiles = chosen.map(kind === 'config' ? configSection : credentialsSection);
    const others =
      kind === 'config'
        ? fc.uniqueArray(otherConfigSection, { maxLength: 2, selector: (i) => i.lines[0] })
        : fc.constant([]);
    return fc
      .tuple(fc.tuple(...profiles), others)
      .chain(([p, o]) => fc.shuffledSubarray([...p, ...o], { minLength: p.length + o.length }));
  });
  return fc
    .record({
      preamble: fc.option(trivia, { nil: undefined }),
      sections,
      gaps: fc.array(fc.option(trivia, { nil: undefined }), { minLength: 8, maxLength: 8 }),
      eol: fc.constantFrom<Eol>('\n', '\r\n'),
      finalNewline: fc.boolean(),
      absent: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    })
    .map(({ preamble, sections: list, gaps, eol, finalNewline, absent }) => {
      const items: Item[] = preamble ? [preamble] : [];
      for (const [index, section] of list.entries()) {
        items.push(section);
        const gap = gaps[index];
        if (gap) items.push(gap);
      }
      return { items, eol, finalNewline, absent };
    });
}
