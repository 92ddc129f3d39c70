import { quoted } from '../safe-text.ts';
import { type ChainStep, SDK_FAMILIES, type SdkFamily } from './sdk-families.ts';

/** A profile in the shared files as a later step's SDK finds it. */
export interface SharedProfile {
  readonly name: string;
  /** Keys, a role, a process, SSO or web identity: something an SDK can sign with, not only a region. */
  readonly hasCredentials: boolean;
  /** Set when the file it is in was chosen by this variable rather than being ~/.aws/…. */
  readonly fileVariable?: 'AWS_SHARED_CREDENTIALS_FILE' | 'AWS_CONFIG_FILE';
}

/** What can make a later step sign with something other than the exported keys. */
export type Overrider =
  | 'AWS_PROFILE'
  | 'default-profile'
  | 'AWS_CONTAINER_CREDENTIALS_FULL_URI'
  | 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'
  | 'AWS_WEB_IDENTITY_TOKEN_FILE'
  | 'AWS_SHARED_CREDENTIALS_FILE'
  | 'AWS_CONFIG_FILE';

export type CredentialUse =
  | { readonly kind: 'exported-keys' }
  | { readonly kind: 'profile'; readonly name: string }
  | { readonly kind: 'web-identity' }
  | { readonly kind: 'container'; readonly variable: string }
  | { readonly kind: 'instance-role' }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'error'; readonly reason: string };

export interface FamilyVerdict {
  readonly family: SdkFamily;
  readonly use: CredentialUse;
  /** Why it does not use the exported keys; empty when it does, or when the family itself never reads them. */
  readonly overriders: readonly Overrider[];
}

type Env = Readonly<Record<string, string | undefined>>;
const FULL_URI = 'AWS_CONTAINER_CREDENTIALS_FULL_URI';
const RELATIVE_URI = 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI';

/**
 * Who will sign in a later step of this job, per SDK family, from the job's environment after the
 * hand-over and the profiles in the shared files. Pure: the same inputs give the same verdicts.
 */
export function whoWillSign(env: Env, profiles: readonly SharedProfile[]): FamilyVerdict[] {
  return SDK_FAMILIES.map((family) => verdictFor(family, env, profiles));
}

function verdictFor(family: SdkFamily, env: Env, profiles: readonly SharedProfile[]): FamilyVerdict {
  const skipped: Overrider[] = [];
  for (const step of family.order) {
    const found = tryStep(step, env, profiles);
    if (found === 'skipped-for-profile') skipped.push('AWS_PROFILE');
    else if (found) {
      const overriders = found.use.kind === 'exported-keys' ? [] : [...skipped, ...found.overriders];
      return { family, use: found.use, overriders: [...new Set(overriders)] };
    }
  }
  return { family, use: { kind: 'nothing' }, overriders: skipped };
}

interface Found {
  readonly use: CredentialUse;
  readonly overriders: readonly Overrider[];
}

function tryStep(
  step: ChainStep,
  env: Env,
  profiles: readonly SharedProfile[],
): Found | 'skipped-for-profile' | undefined {
  const keys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  switch (step) {
    case 'env-keys':
      return keys ? { use: { kind: 'exported-keys' }, overriders: [] } : undefined;
    case 'env-keys-unless-profile':
      if (env.AWS_PROFILE) return keys ? 'skipped-for-profile' : undefined;
      return keys ? { use: { kind: 'exported-keys' }, overriders: [] } : undefined;
    case 'env-keys-with-token':
      return keys && env.AWS_SESSION_TOKEN ? { use: { kind: 'exported-keys' }, overriders: [] } : undefined;
    case 'named-profile-must-exist': {
      const name = env.AWS_PROFILE; // botocore reads even an empty value as a name
      if (name === undefined || profiles.some((profile) => profile.name === name)) return undefined;
      const reason = `AWS_PROFILE names profile ${quoted(name ?? '')}, which no shared file has`;
      return { use: { kind: 'error', reason }, overriders: ['AWS_PROFILE'] };
    }
    case 'profile':
    case 'default-profile': {
      const name = step === 'profile' && env.AWS_PROFILE ? env.AWS_PROFILE : 'default';
      const profile = profiles.find((candidate) => candidate.name === name && candidate.hasCredentials);
      if (!profile) return undefined;
      const byName: Overrider =
        name === env.AWS_PROFILE && step === 'profile' ? 'AWS_PROFILE' : 'default-profile';
      const overriders: Overrider[] = profile.fileVariable ? [byName, profile.fileVariable] : [byName];
      return { use: { kind: 'profile', name }, overriders };
    }
    case 'web-identity-env':
      return env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN
        ? { use: { kind: 'web-identity' }, overriders: ['AWS_WEB_IDENTITY_TOKEN_FILE'] }
        : undefined;
    case 'container':
      return containerUse(env, env[FULL_URI] ? FULL_URI : RELATIVE_URI);
    case 'container-full':
      return containerUse(env, FULL_URI);
    case 'container-relative':
      return containerUse(env, RELATIVE_URI);
    case 'instance-role':
      return env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === 'true'
        ? undefined
        : { use: { kind: 'instance-role' }, overriders: [] };
  }
}

function containerUse(env: Env, variable: typeof FULL_URI | typeof RELATIVE_URI): Found | undefined {
  return env[variable] ? { use: { kind: 'container', variable }, overriders: [variable] } : undefined;
}

/** A short phrase for the summary table and the warnings. */
export function describeUse(use: CredentialUse): string {
  switch (use.kind) {
    case 'exported-keys':
      return 'the exported keys';
    case 'profile':
      return `profile ${use.name}`;
    case 'web-identity':
      return 'web identity (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE)';
    case 'container':
      return `container credentials (${use.variable})`;
    case 'instance-role':
      return "the runner's instance role (IMDS), if any";
    case 'nothing':
      return 'no credentials';
    case 'error':
      return `an error: ${use.reason}`;
  }
}
