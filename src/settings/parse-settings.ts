import { AwsEnv, CliInputs, Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { RolesAnywhereSettings } from '../sources/roles-anywhere/inputs.ts';
import { parseRolesAnywhereSettings } from '../sources/roles-anywhere/inputs.ts';
import { parseAllowedAccountIds } from './account-ids.ts';
import { parseBoolean } from './booleans.ts';
import { parseDuration } from './duration.ts';
import { parseRegion, parseStsEndpoint } from './endpoint.ts';
import { withIrsaRole } from './irsa-role.ts';
import { parseKeys } from './keys.ts';
import { parseProfiles } from './profiles.ts';
import { fromEnv, type InputReader, inputValues } from './read-inputs.ts';
import { parseRoleChain } from './role-chain.ts';
import { DEFAULT_AUDIENCE } from './rules.ts';
import { parseInlinePolicy, parseManagedPolicies } from './session-policies.ts';
import { parseSessionTags, parseTransitiveTagKeys } from './session-tags.ts';
import {
  type ProfileTarget,
  RENEWABLE_SOURCES,
  type RolesAnywhereSource,
  type Settings,
  type SourceName,
  type StaticKeys,
} from './settings.ts';
import { parseSource, parseSourceProfile, resolveSource, sourceNeedsRole } from './source.ts';
import {
  parseExternalId,
  parseMfaCode,
  parseMfaSerial,
  parseSessionName,
  parseSourceIdentity,
} from './sts-parameters.ts';

export type { InputReader } from './read-inputs.ts';

export interface SettingsContext {
  /** RoleSessionName when none is given: see defaultSessionName. */
  readonly defaultSessionName: string;
}

/**
 * Reads every input once and checks it, before any network call. Inputs are checked one by one in
 * action.yml order, then against each other; the first problem is thrown as an InputError naming the
 * input. `env` supplies only the documented AWS_* fallbacks (region, endpoint, token file).
 */
export function parseSettings(read: InputReader, env: NodeJS.ProcessEnv, context: SettingsContext): Settings {
  const inputs = inputValues(read);
  const single = inputs.single;

  const requestedSource = parseSource(single(Inputs.source));
  const sourceProfile = parseSourceProfile(single(CliInputs.sourceProfile));
  const givenRoleArns = parseRoleChain(inputs.multi(Inputs.roleArn), Inputs.roleArn);
  const sessionName = parseSessionName(single(Inputs.sessionName), context.defaultSessionName);
  const durationSeconds = parseDuration(single(Inputs.duration));
  const region = parseRegion(single(Inputs.region), env);
  const keys = parseKeys(
    single(Inputs.awsAccessKeyId),
    single(Inputs.awsSecretAccessKey),
    single(Inputs.awsSessionToken),
  );
  const audience = single(Inputs.audience) ?? DEFAULT_AUDIENCE;
  const webIdentityTokenFile =
    single(Inputs.webIdentityTokenFile) ??
    fromEnv(env, [AwsEnv.webIdentityTokenFile], Inputs.webIdentityTokenFile)?.value;
  const externalId = parseExternalId(single(Inputs.externalId));
  const sourceIdentity = parseSourceIdentity(single(Inputs.sourceIdentity));
  const sessionTags = parseSessionTags(inputs.multi(Inputs.sessionTags));
  const transitiveTagKeys = parseTransitiveTagKeys(inputs.multi(Inputs.transitiveTagKeys), sessionTags);
  const inlineSessionPolicy = parseInlinePolicy(inputs.multi(Inputs.inlineSessionPolicy));
  const managedSessionPolicies = parseManagedPolicies(inputs.multi(Inputs.managedSessionPolicies));
  const stsEndpoint = parseStsEndpoint(single(Inputs.stsEndpoint), env);
  const allowedAccountIds = parseAllowedAccountIds(inputs.multi(Inputs.allowedAccountIds));
  const flag = (input: string) => parseBoolean(input, single(input));
  const maskAccountId = flag(Inputs.maskAccountId) ?? false;
  const outputCredentials = flag(Inputs.outputCredentials) ?? false;
  const exportEnvGiven = flag(Inputs.exportEnv);
  const overwriteProfile = flag(Inputs.overwriteProfile) ?? false;
  const refresh = flag(Inputs.refresh) ?? false;
  const cleanup = flag(Inputs.cleanup) ?? true;
  const profiles = parseProfiles(single(Inputs.profile), inputs.multi(Inputs.profiles), givenRoleArns);
  /** Written profiles are the hand-over; exporting them as well is opt-in. */
  const exportEnv = exportEnvGiven ?? profiles.length === 0;
  const mfaSerial = parseMfaSerial(single(CliInputs.mfaSerial));
  const mfaCode = parseMfaCode(single(CliInputs.mfaCode), mfaSerial);

  const { source, roleArns: resolvedRoleArns } = withIrsaRole(
    resolveSource({ requested: requestedSource, keys, sourceProfile, webIdentityTokenFile }),
    givenRoleArns,
    profiles,
    { hasKeys: keys !== undefined, webIdentityTokenFile },
    env,
  );
  checkRoleGiven(source, resolvedRoleArns, profiles, env);
  const { rolesAnywhere, roleArns } = splitRolesAnywhere(
    parseRolesAnywhereSettings((name) => inputs.multi(name), source === 'roles-anywhere'),
    resolvedRoleArns,
    single(Inputs.sessionName) === undefined ? undefined : sessionName,
  );
  checkRefresh(refresh, keys, profiles, source, inlineSessionPolicy);
  checkRolesAnywhereRefresh(refresh, rolesAnywhere);
  checkPoliciesHaveOneEnd(inlineSessionPolicy !== undefined || managedSessionPolicies.length > 0, profiles);

  return {
    source,
    roleArns,
    profiles,
    sessionName,
    durationSeconds,
    region,
    keys,
    audience,
    webIdentityTokenFile,
    rolesAnywhere,
    externalId,
    sourceIdentity,
    sessionTags,
    transitiveTagKeys,
    inlineSessionPolicy,
    managedSessionPolicies,
    stsEndpoint,
    allowedAccountIds,
    maskAccountId,
    outputCredentials,
    exportEnv,
    overwriteProfile,
    refresh,
    cleanup,
    sourceProfile,
    mfaSerial,
    mfaCode,
  };
}

/** With roles-anywhere, the first role is CreateSession's; the rest of role-arn are hops after it. */
function splitRolesAnywhere(
  inputs: RolesAnywhereSettings | undefined,
  roleArns: readonly string[],
  explicitSessionName: string | undefined,
): { rolesAnywhere?: RolesAnywhereSource; roleArns: readonly string[] } {
  if (!inputs) return { roleArns };
  const [first, ...rest] = roleArns;
  if (!first)
    throw new InputError(
      Inputs.roleArn,
      "is not given, but source 'roles-anywhere' needs the role that CreateSession gives",
      'Set role-arn to a role listed in the profile, e.g. arn:aws:iam::123456789012:role/deploy',
    );
  return {
    rolesAnywhere: { ...inputs, roleArn: first, roleSessionName: explicitSessionName },
    roleArns: rest,
  };
}

/** Refresh runs the CLI later, which can read the certificate and key only from files, unencrypted. */
function checkRolesAnywhereRefresh(refresh: boolean, rolesAnywhere: RolesAnywhereSource | undefined): void {
  if (!refresh || !rolesAnywhere) return;
  if (!('path' in rolesAnywhere.privateKey) || !('path' in rolesAnywhere.certificate))
    throw new InputError(
      Inputs.refresh,
      'is true with source roles-anywhere, but the key is given inline, and this action never writes a key to disk for a later credential_process to read',
      'Give certificate and private-key as paths of PEM files on the runner, or drop refresh (run the step again when a long job needs new credentials)',
    );
  if (rolesAnywhere.passphrase !== undefined)
    throw new InputError(
      Inputs.refresh,
      'is true with an encrypted private-key, whose passphrase a later credential_process would have no way to get',
      'Drop refresh, or give an unencrypted key file readable only by the runner',
    );
}

/** No role at all is fine (the source identity is exported), except for sources that only trade a token. */
function checkRoleGiven(
  source: SourceName,
  roleArns: readonly string[],
  profiles: readonly ProfileTarget[],
  env: NodeJS.ProcessEnv,
): void {
  if (!sourceNeedsRole(source) || roleArns.length > 0) return;
  if (profiles.length > 0 && profiles.every((profile) => profile.roleArns.length > 0)) return;
  const hint = env[AwsEnv.roleArn]?.trim() ? ` (${AwsEnv.roleArn} in this environment names one)` : '';
  throw new InputError(
    Inputs.roleArn,
    `is not given, but source '${source}' needs a role: its token is only good for AssumeRoleWithWebIdentity`,
    `Set role-arn to a role whose trust policy accepts the token${hint}, e.g. arn:aws:iam::123456789012:role/deploy`,
  );
}

/**
 * Session policies restrict a chain's last hop. Profiles with roles of their own end on those; profiles
 * without end on role-arn's last role. Mixed, the policy would bind the spokes twice or the others not at all.
 */
function checkPoliciesHaveOneEnd(hasPolicies: boolean, profiles: readonly ProfileTarget[]): void {
  const ownRoles = profiles.filter((profile) => profile.roleArns.length > 0).length;
  if (!hasPolicies || ownRoles === 0 || ownRoles === profiles.length) return;
  throw new InputError(
    Inputs.inlineSessionPolicy,
    'session policies are given, but some profiles end at role-arn and others assume roles of their own, so there is no single last hop to restrict',
    'Give every profile a role of its own, or write the profiles in two steps',
  );
}

function checkRefresh(
  refresh: boolean,
  keys: StaticKeys | undefined,
  profiles: readonly ProfileTarget[],
  source: SourceName,
  inlinePolicy: string | undefined,
): void {
  if (!refresh) return;
  if (!keys && source !== 'auto' && source !== 'roles-anywhere' && !RENEWABLE_SOURCES.includes(source))
    throw new InputError(
      Inputs.refresh,
      `is true with source '${source}', which a later credential_process cannot renew on its own (it would reuse whatever credentials its caller has)`,
      'Use a renewable source: oidc, imds, container or web-identity, or drop refresh',
    );
  if (inlinePolicy !== undefined && process.platform === 'win32')
    throw new InputError(
      Inputs.refresh,
      'is true with an inline-session-policy on Windows, where no quoting carries its JSON safely through cmd.exe',
      'Use managed-session-policies instead, or drop refresh',
    );
  if (keys)
    throw new InputError(
      Inputs.refresh,
      'is true with access keys as the source, but renewing would need the long-lived keys stored on disk, and this action never writes them there',
      'Drop refresh (run the step again when a long job needs new credentials), or use a renewable source: oidc, imds, container or web-identity',
    );
  if (profiles.length === 0)
    throw new InputError(
      Inputs.refresh,
      "is true, but no profile is written: refresh works through a profile's credential_process",
      'Set profile (or profiles), or drop refresh',
    );
}
