/** The lines of the sections this tool writes, one key per line, never indented. */
import type { AwsCredentials } from '../credentials.ts';
import { type FileKind, headerFor, MARKER_PREFIX } from './ini-sections.ts';

/** One profile to write. See index.ts for the rules. */
export interface ProfileToWrite {
  name: string;
  /** Written to the config file as `region = …`. */
  region?: string;
  /** Written to the credentials file. */
  credentials?: AwsCredentials;
  /** Written to the config file as `credential_process = …`; then no credentials-file section is written. */
  credentialProcess?: string;
}

/** The `key = value` pairs a profile puts into one file; empty when it has nothing for that file. */
export function sectionValues(kind: FileKind, profile: ProfileToWrite): [string, string][] {
  if (kind === 'credentials') {
    const { credentials } = profile;
    if (!credentials) return [];
    const values: [string, string][] = [
      ['aws_access_key_id', credentials.accessKeyId],
      ['aws_secret_access_key', credentials.secretAccessKey],
    ];
    if (credentials.sessionToken !== undefined) values.push(['aws_session_token', credentials.sessionToken]);
    return values;
  }
  const values: [string, string][] = [];
  if (profile.region !== undefined) values.push(['region', profile.region]);
  if (profile.credentialProcess !== undefined) values.push(['credential_process', profile.credentialProcess]);
  return values;
}

/** The marker comment: recognisable by its prefix; the rest tells a reader where it came from. */
export function markerLine(jobId: string | undefined, expiration: Date | undefined): string {
  const details = [jobId && `job ${jobId}`, expiration && `expires ${expiration.toISOString()}`].filter(
    Boolean,
  );
  return details.length > 0 ? `${MARKER_PREFIX} (${details.join(', ')})` : MARKER_PREFIX;
}

/** The section's lines (without line endings), or undefined when the profile has nothing for this file. */
export function renderSection(kind: FileKind, profile: ProfileToWrite, jobId?: string): string[] | undefined {
  const values = sectionValues(kind, profile);
  if (values.length === 0) return undefined;
  const expiration = kind === 'credentials' ? profile.credentials?.expiration : undefined;
  return [
    headerFor(kind, profile.name),
    markerLine(jobId, expiration),
    ...values.map(([key, value]) => `${key} = ${value}`),
  ];
}
