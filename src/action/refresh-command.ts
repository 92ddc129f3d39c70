import { posix, win32 } from 'node:path';
import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import {
  type WindowsCredentialProcess,
  windowsCredentialProcess,
} from '../profiles/windows-credential-process.ts';
import { type ProfileTarget, RENEWABLE_SOURCES, type Settings } from '../settings/settings.ts';

/** Where the refreshing profile's command finds Node and the bundled CLI. */
export interface RefreshRuntime {
  readonly nodePath: string;
  readonly cliPath: string;
  /** The source actually used; `auto` is resolved once, so every renewal takes the same path. */
  readonly source: string;
  readonly platform: NodeJS.Platform;
  /**
   * What a relative path in the settings is relative to (the step's working directory; default the
   * process's). The command runs later from wherever its caller is, so such paths are made absolute.
   */
  readonly cwd?: string;
  /** Windows: where a launcher goes when the command needs one (a plain path, private to the user). */
  readonly launcherDir?: string;
}

/** The credential_process line, and on Windows maybe a launcher to write before it. */
export type RefreshCommand = WindowsCredentialProcess;

/**
 * The `credential_process` for a profile: the bundled CLI, asked for the same chain in `process` format
 * with its cache on. On Windows, a launcher file to write first when the line alone cannot carry the
 * arguments to every client (see windows-credential-process.ts).
 */
export function refreshCommand(
  settings: Settings,
  profile: ProfileTarget,
  runtime: RefreshRuntime,
): RefreshCommand {
  const argv = refreshArgv(settings, profile, runtime);
  if (runtime.platform !== 'win32') return { line: argv.map(posixQuote).join(' ') };
  if (runtime.launcherDir === undefined)
    throw new Error('a Windows refresh command needs a launcher directory');
  return windowsCredentialProcess(argv, runtime.launcherDir);
}

/** The CLI's argv for the renewal. Settings are already validated, so no value holds CR or LF. */
function refreshArgv(settings: Settings, profile: ProfileTarget, runtime: RefreshRuntime): string[] {
  const ra = runtime.source === 'roles-anywhere' ? settings.rolesAnywhere : undefined;
  if (!ra && !RENEWABLE_SOURCES.some((source) => source === runtime.source)) {
    throw new InputError(
      Inputs.refresh,
      `is true, and source auto chose '${runtime.source}', which a later credential_process cannot renew on its own`,
      'Set source to oidc, imds, container or web-identity, or drop refresh',
    );
  }
  const args = [
    runtime.nodePath,
    runtime.cliPath,
    '--format',
    'process',
    '--cache',
    '--source',
    runtime.source,
  ];
  const option = (name: string, value: string | number | undefined) => {
    if (value !== undefined) args.push(`--${name}`, String(value));
  };
  const path = runtime.platform === 'win32' ? win32 : posix;
  const absolute = (file: string) => path.resolve(runtime.cwd ?? process.cwd(), file);
  if (ra) {
    // Checked when the settings were read: both are files (refresh never carries a key or a passphrase).
    if ('path' in ra.certificate) option('certificate', absolute(ra.certificate.path));
    if ('path' in ra.privateKey) option('private-key', absolute(ra.privateKey.path));
    option('trust-anchor-arn', ra.trustAnchorArn);
    option('profile-arn', ra.profileArn);
    option('role-arn', ra.roleArn);
  }
  for (const roleArn of [...settings.roleArns, ...profile.roleArns]) option('role-arn', roleArn);
  // An explicit name goes to CreateSession too, which needs the profile's consent: only what was given.
  option('session-name', ra ? ra.roleSessionName : settings.sessionName);
  option('duration', settings.durationSeconds);
  option('region', settings.region);
  option('sts-endpoint', settings.stsEndpoint);
  if (runtime.source === 'oidc') option('audience', settings.audience);
  if (runtime.source === 'web-identity' && settings.webIdentityTokenFile !== undefined) {
    option('web-identity-token-file', absolute(settings.webIdentityTokenFile));
  }
  option('external-id', settings.externalId);
  option('source-identity', settings.sourceIdentity);
  for (const tag of settings.sessionTags) option('tag', `${tag.key}=${tag.value}`);
  for (const key of settings.transitiveTagKeys) option('transitive-tag-key', key);
  if (settings.inlineSessionPolicy !== undefined)
    option('policy', withoutWhitespace(settings.inlineSessionPolicy));
  for (const arn of settings.managedSessionPolicies) option('policy-arn', arn);
  return args;
}

/**
 * The compact policy with every whitespace character (all inside JSON strings) written as a \u escape: the
 * same document to any JSON parser, but no ' ;' or ' #' that the JS SDK's INI parser would cut off as a
 * comment, so every valid policy can go into the profile.
 */
function withoutWhitespace(policy: string): string {
  return policy.replace(/\s/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Single quotes read the same to sh (the JS SDK) and to shlex (botocore). */
function posixQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
