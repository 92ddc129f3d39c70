import { splitLines, textToUtf8 } from '../profiles/ini-lines.ts';
import { readLineViews } from '../profiles/ini-views.ts';
import { sharedFilePaths } from '../profiles/paths.ts';
import { readSharedFile } from '../profiles/safe-fs.ts';
import { fixFor } from '../profiles/shared-files.ts';
import type { SharedProfile } from './who-will-sign.ts';

/** Settings an SDK can sign with; a profile with none of them (only a region, say) is passed over. */
const CREDENTIAL_KEYS = new Set([
  'aws_access_key_id',
  'role_arn',
  'credential_process',
  'credential_source',
  'web_identity_token_file',
  'sso_session',
  'sso_start_url',
  'login_session',
]);

/**
 * The profiles of both shared files (where AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE say) as a
 * later step's SDK would find them. A file that is missing has none.
 */
export async function readSharedProfiles(env: NodeJS.ProcessEnv): Promise<SharedProfile[]> {
  const paths = sharedFilePaths(env);
  const files = [
    { kind: 'credentials', path: paths.credentialsFile, variable: 'AWS_SHARED_CREDENTIALS_FILE' },
    { kind: 'config', path: paths.configFile, variable: 'AWS_CONFIG_FILE' },
  ] as const;
  const found = new Map<string, SharedProfile>();
  for (const file of files) {
    const text = await readSharedFile(file.path, fixFor(file.kind));
    const fileVariable = env[file.variable] ? file.variable : undefined;
    for (const [name, keys] of profilesIn(text ?? '', file.kind)) {
      const hasCredentials = [...keys].some((key) => CREDENTIAL_KEYS.has(key));
      const earlier = found.get(name);
      if (earlier?.hasCredentials) continue; // the credentials file's section is read first
      found.set(name, { name, hasCredentials, ...(fileVariable ? { fileVariable } : {}) });
    }
  }
  return [...found.values()];
}

/** Profile name → the keys its section sets, as the SDK's parser reads the headers. */
function profilesIn(text: string, kind: 'credentials' | 'config'): Map<string, Set<string>> {
  const lines = splitLines(text);
  const views = readLineViews(lines);
  const profiles = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  lines.forEach((line, index) => {
    const view = views[index];
    const header = view?.sdkHeader ?? view?.botocoreHeader;
    if (header !== undefined) {
      const name = profileName(header.trim(), kind);
      current = name === undefined ? undefined : (profiles.get(name) ?? new Set());
      if (name !== undefined && current) profiles.set(name, current);
      return;
    }
    if (!current || view?.trivia) return;
    const key = /^\s*([^=\s]+)\s*=/.exec(textToUtf8(line.text))?.[1];
    if (key) current.add(key.toLowerCase());
  });
  return profiles;
}

function profileName(header: string, kind: 'credentials' | 'config'): string | undefined {
  if (kind === 'credentials' || header === 'default') return header;
  const prefixed = /^profile\s+["']?([^"'\s]+)["']?$/.exec(header);
  return prefixed?.[1];
}
