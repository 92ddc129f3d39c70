import { Inputs } from '../constants.ts';
import { parseAllowedAccountIds } from './account-ids.ts';
import { parseBoolean } from './booleans.ts';
import { checkPoliciesHaveOneEnd, checkRoleGiven } from './cross-input-rules.ts';
import { parseDuration } from './duration.ts';
import { parseRegion, parseStsEndpoint } from './endpoint.ts';
import { withIrsaRole } from './irsa-role.ts';
import { parseKeys } from './keys.ts';
import { parseProfiles } from './profiles.ts';
import type { InputValues } from './read-inputs.ts';
import { parseRoleChain } from './role-chain.ts';
import { DEFAULT_AUDIENCE } from './rules.ts';
import { parseExternalId, parseSessionName, parseSourceIdentity } from './session-inputs.ts';
import { parseInlinePolicy, parseManagedPolicies } from './session-policies.ts';
import { parseSessionTags, parseTransitiveTagKeys } from './session-tags.ts';
import type { Settings, SourceName } from './settings.ts';
import { parseSource, resolveSource } from './source.ts';
import { resolveTokenFile } from './token-file.ts';

export interface SettingsContext {
  /** RoleSessionName when none is given: see defaultSessionName. */
  readonly defaultSessionName: string;
}

/**
 * The inputs both front ends share, each checked on its own, up to the profiles; the source and its
 * roles are not settled yet.
 */
export interface SharedInputs
  extends Omit<Settings, 'source' | 'profiles' | 'sourceProfile' | 'mfaSerial' | 'mfaCode'> {
  readonly requestedSource: SourceName;
}

/**
 * Reads and checks the shared inputs once, one by one in action.yml order, before any network call;
 * the first problem is thrown as an InputError naming the input. A front end reads its own inputs
 * next, then settleSettings reads the profiles and checks the inputs against each other. `env`
 * supplies only the documented AWS_* fallbacks (region, endpoint, token file).
 */
export function readSharedInputs(
  inputs: InputValues,
  env: NodeJS.ProcessEnv,
  context: SettingsContext,
): SharedInputs {
  const single = inputs.single;
  const requestedSource = parseSource(single(Inputs.source));
  const roleArns = parseRoleChain(inputs.multi(Inputs.roleArn), Inputs.roleArn);
  const sessionName = parseSessionName(single(Inputs.sessionName), context.defaultSessionName);
  const durationSeconds = parseDuration(single(Inputs.duration));
  const region = parseRegion(single(Inputs.region), env);
  const keys = parseKeys(
    single(Inputs.awsAccessKeyId),
    single(Inputs.awsSecretAccessKey),
    single(Inputs.awsSessionToken),
  );
  const audience = single(Inputs.audience) ?? DEFAULT_AUDIENCE;
  const webIdentityTokenFile = resolveTokenFile(single(Inputs.webIdentityTokenFile), env);
  const externalId = parseExternalId(single(Inputs.externalId));
  const sourceIdentity = parseSourceIdentity(single(Inputs.sourceIdentity));
  const sessionTags = parseSessionTags(inputs.multi(Inputs.sessionTags));
  const transitiveTagKeys = parseTransitiveTagKeys(inputs.multi(Inputs.transitiveTagKeys), sessionTags);
  const inlineSessionPolicy = parseInlinePolicy(inputs.multi(Inputs.inlineSessionPolicy));
  const managedSessionPolicies = parseManagedPolicies(inputs.multi(Inputs.managedSessionPolicies));
  const stsEndpoint = parseStsEndpoint(single(Inputs.stsEndpoint), env);
  const allowedAccountIds = parseAllowedAccountIds(inputs.multi(Inputs.allowedAccountIds));
  const overwriteProfile = parseBoolean(Inputs.overwriteProfile, single(Inputs.overwriteProfile)) ?? false;
  return {
    requestedSource,
    roleArns,
    sessionName,
    durationSeconds,
    region,
    keys,
    audience,
    webIdentityTokenFile,
    externalId,
    sourceIdentity,
    sessionTags,
    transitiveTagKeys,
    inlineSessionPolicy,
    managedSessionPolicies,
    stsEndpoint,
    allowedAccountIds,
    overwriteProfile,
  };
}

/**
 * Reads the profiles (the last shared inputs), then checks the inputs against each other and settles
 * the source and the common chain (an EKS IRSA role from AWS_ROLE_ARN among them). `sourceProfile` is
 * the CLI's; the action never has one.
 */
export function settleSettings(
  inputs: InputValues,
  shared: SharedInputs,
  env: NodeJS.ProcessEnv,
  sourceProfile?: string,
): Omit<Settings, 'mfaSerial' | 'mfaCode'> {
  const { requestedSource, ...rest } = shared;
  const { keys, webIdentityTokenFile } = shared;
  const profiles = parseProfiles(
    inputs.single(Inputs.profile),
    inputs.multi(Inputs.profiles),
    shared.roleArns,
  );
  const { source, roleArns } = withIrsaRole(
    resolveSource({ requested: requestedSource, keys, sourceProfile, webIdentityTokenFile }),
    shared.roleArns,
    profiles,
    { hasKeys: keys !== undefined, webIdentityTokenFile },
    env,
  );
  checkRoleGiven(source, roleArns, profiles, env);
  checkPoliciesHaveOneEnd(
    shared.inlineSessionPolicy !== undefined || shared.managedSessionPolicies.length > 0,
    profiles,
  );
  return { ...rest, source, roleArns, profiles, sourceProfile };
}
