import type { SessionTag } from '../sts/session-parameters.ts';

/** Where the first credentials come from. `profile` is the CLI's own source. */
export const SOURCES = [
  'auto',
  'keys',
  'oidc',
  'imds',
  'container',
  'web-identity',
  'env',
  'profile',
] as const;
export type SourceName = (typeof SOURCES)[number];

/** Sources a credential_process can ask again later, on its own (for refresh). */
export const RENEWABLE_SOURCES: readonly SourceName[] = ['oidc', 'imds', 'container', 'web-identity'];

export interface StaticKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** One named profile to write, with its own roles after the common chain. */
export interface ProfileTarget {
  readonly name: string;
  readonly roleArns: readonly string[];
}

/**
 * What the core needs of a run, parsed and checked once by a front end's reader (ActionSettings,
 * CliSettings). Nothing else reads an input.
 */
export interface Settings {
  readonly source: SourceName;
  /** The common chain, assumed in order (may be empty). */
  readonly roleArns: readonly string[];
  /** Named profiles to write; each continues the common chain with its own roles. */
  readonly profiles: readonly ProfileTarget[];
  readonly sessionName: string;
  readonly durationSeconds: number;
  /** Region for STS calls and to export; undefined when none was given or found. */
  readonly region?: string;
  readonly keys?: StaticKeys;
  readonly audience: string;
  /** The token file: the input, else AWS_WEB_IDENTITY_TOKEN_FILE (resolved once, by the reader). */
  readonly webIdentityTokenFile?: string;
  readonly externalId?: string;
  readonly sourceIdentity?: string;
  readonly sessionTags: readonly SessionTag[];
  readonly transitiveTagKeys: readonly string[];
  readonly inlineSessionPolicy?: string;
  readonly managedSessionPolicies: readonly string[];
  readonly stsEndpoint?: string;
  readonly allowedAccountIds: readonly string[];
  readonly overwriteProfile: boolean;
  /** CLI only: the profile whose credentials start the chain (source `profile`). */
  readonly sourceProfile?: string;
  /** CLI only: MFA device for the first AssumeRole hop, and its code when already known. */
  readonly mfaSerial?: string;
  readonly mfaCode?: string;
}

/** Whether the run assumes any role: in the common chain or in a profile's own. */
export function assumesRole(settings: Pick<Settings, 'roleArns' | 'profiles'>): boolean {
  return settings.roleArns.length > 0 || settings.profiles.some((profile) => profile.roleArns.length > 0);
}
