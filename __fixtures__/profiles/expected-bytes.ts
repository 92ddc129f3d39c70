/**
 * What the bytes of a shared file must be after a write, derived from the spec (the generated file's items
 * and the documented section format), never from the implementation under test.
 */
import type { ProfileToWrite } from '../../src/profiles/index.ts';
import { type GeneratedFile, render } from './shared-file-arbitraries.ts';

type Kind = 'credentials' | 'config';

/** The lines of the section written for a profile: header, marker, then one unindented key per line. */
export function sectionLines(
  kind: Kind,
  profile: ProfileToWrite,
  job: string | undefined,
): string[] | undefined {
  const c = profile.credentials;
  const expires =
    kind === 'credentials' && c?.expiration ? `expires ${c.expiration.toISOString()}` : undefined;
  const details = [job && `job ${job}`, expires].filter(Boolean).join(', ');
  const marker = `# assume-aws-role: managed${details ? ` (${details})` : ''}`;
  if (kind === 'credentials') {
    if (!c) return undefined;
    const keys = [`aws_access_key_id = ${c.accessKeyId}`, `aws_secret_access_key = ${c.secretAccessKey}`];
    if (c.sessionToken) keys.push(`aws_session_token = ${c.sessionToken}`);
    return [`[${profile.name}]`, marker, ...keys];
  }
  const keys = [
    ...(profile.region ? [`region = ${profile.region}`] : []),
    ...(profile.credentialProcess ? [`credential_process = ${profile.credentialProcess}`] : []),
  ];
  if (keys.length === 0) return undefined;
  return [profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`, marker, ...keys];
}

/**
 * The file after writing: an existing section of the profile replaced in place (or dropped when the profile
 * has nothing for this file), else the section appended in the file's line-ending style; a file without a
 * final newline keeps lacking one. undefined: the file still does not exist.
 */
export function expectedAfterWrite(
  file: GeneratedFile,
  kind: Kind,
  profiles: readonly ProfileToWrite[],
  job?: string,
): string | undefined {
  let items = file.absent ? [] : [...file.items];
  const appended: string[][] = [];
  for (const profile of profiles) {
    const lines = sectionLines(kind, profile, job);
    const index = items.findIndex((item) => item.profile === profile.name);
    if (index !== -1) items = lines ? items.with(index, { lines }) : items.toSpliced(index, 1);
    else if (lines) appended.push(lines);
  }
  const text = render({ ...file, items });
  if (appended.length === 0) return file.absent ? undefined : text;
  const eol = /\r?\n/.exec(text)?.[0] ?? '\n';
  const blocks = appended.map((lines) => lines.join(eol)).join(eol);
  if (text === '') return blocks + eol;
  return text.endsWith('\n') ? text + blocks + eol : text + eol + blocks;
}

/** The file once a profile's section is gone. */
export const withoutProfile = (file: GeneratedFile, name: string): string =>
  render({ ...file, items: file.items.filter((item) => item.profile !== name) });
