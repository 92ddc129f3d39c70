import { posix, win32 } from 'node:path';
import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
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
}

/**
 * The `credential_process` line for a profile: the bundled CLI, asked for the same chain in `process`
 * format with its cache on. Settings are already validated, so no value holds CR or LF.
 */
export function refreshCommand(settings: Settings, profile: ProfileTarget, runtime: RefreshRuntime): string {
  if (!RENEWABLE_SOURCES.some((source) => source === runtime.source)) {
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
  for (const roleArn of [...settings.roleArns, ...profile.roleArns]) option('role-arn', roleArn);
  option('session-name', settings.sessionName);
  option('duration', settings.durationSeconds);
  option('region', settings.region);
  option('sts-endpoint', settings.stsEndpoint);
  if (runtime.source === 'oidc') option('audience', settings.audience);
  if (runtime.source === 'web-identity' && settings.webIdentityTokenFile !== undefined) {
    const path = runtime.platform === 'win32' ? win32 : posix;
    option(
      'web-identity-token-file',
      path.resolve(runtime.cwd ?? process.cwd(), settings.webIdentityTokenFile),
    );
  }
  option('external-id', settings.externalId);
  option('source-identity', settings.sourceIdentity);
  for (const tag of settings.sessionTags) option('tag', `${tag.key}=${tag.value}`);
  for (const key of settings.transitiveTagKeys) option('transitive-tag-key', key);
  if (settings.inlineSessionPolicy !== undefined)
    option('policy', withoutWhitespace(settings.inlineSessionPolicy));
  for (const arn of settings.managedSessionPolicies) option('policy-arn', arn);
  return args.map((arg) => (runtime.platform === 'win32' ? windowsQuote(arg) : posixQuote(arg))).join(' ');
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

/**
 * The JS SDK runs the command through cmd.exe, where no escape makes `"`, `%`, `!`, `^`, `&`, `|`, `<`, `>`
 * safe for both it and botocore's splitter: such a value is refused rather than written.
 */
function windowsQuote(arg: string): string {
  if (/["%!^&|<>]/.test(arg)) {
    throw new InputError(
      Inputs.refresh,
      'a value of this step cannot be passed safely to a credential_process on Windows (it holds one of " % ! ^ & | < >)',
      'Drop refresh on Windows runners for this step, or remove the value (an inline-session-policy always holds ")',
    );
  }
  return /^[\w@+=:,./\\-]+$/.test(arg) ? arg : `"${arg}"`;
}
