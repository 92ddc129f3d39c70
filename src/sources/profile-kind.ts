import { parseKnownFiles } from '@smithy/shared-ini-file-loader';
import { sharedFilePaths } from '../profiles/paths.ts';

/** What a profile in the shared files holds, in the order the SDK's fromIni resolves it. */
export type ProfileKind =
  | { readonly found: false }
  | { readonly found: true; readonly credentials?: string; readonly sso: boolean };

type Settings = Readonly<Record<string, string | undefined>>;

const KINDS: readonly { readonly holds: (p: Settings) => boolean; readonly credentials: string }[] = [
  {
    holds: (p) => !!p.role_arn && !!p.source_profile,
    credentials: 'a role to assume (role_arn with source_profile)',
  },
  {
    holds: (p) => !!p.role_arn && !!p.credential_source,
    credentials: 'a role to assume (role_arn with credential_source)',
  },
  { holds: (p) => !!p.aws_access_key_id && !!p.aws_secret_access_key, credentials: 'access keys' },
  {
    holds: (p) => !!p.role_arn && !!p.web_identity_token_file,
    credentials: 'a web identity token file and a role',
  },
  { holds: (p) => !!p.credential_process, credentials: 'a credential_process' },
  { holds: isSso, credentials: 'an SSO login (from aws sso login)' },
];

function isSso(p: Settings): boolean {
  return !!(p.sso_session || p.sso_start_url || p.sso_account_id || p.sso_role_name);
}

/**
 * Looks a profile up in the config and credentials files of `env` (the same paths and loader as the
 * SDK's fromIni, so it later reads the same snapshot), without resolving any credentials: no STS
 * call, no SSO token read, no process run.
 */
export async function profileKind(name: string, env: NodeJS.ProcessEnv): Promise<ProfileKind> {
  const { credentialsFile, configFile } = sharedFilePaths(env);
  const profiles = await parseKnownFiles({ filepath: credentialsFile, configFilepath: configFile });
  const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  if (profile === undefined) return { found: false };
  const credentials = KINDS.find((kind) => kind.holds(profile))?.credentials;
  return { found: true, sso: isSso(profile), ...(credentials === undefined ? {} : { credentials }) };
}
