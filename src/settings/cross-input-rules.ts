import { AwsEnv, Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { ProfileTarget, SourceName } from './settings.ts';
import { sourceNeedsRole } from './source.ts';

/** No role at all is fine (the source identity is exported), except for sources that only trade a token. */
export function checkRoleGiven(
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
export function checkPoliciesHaveOneEnd(hasPolicies: boolean, profiles: readonly ProfileTarget[]): void {
  const ownRoles = profiles.filter((profile) => profile.roleArns.length > 0).length;
  if (!hasPolicies || ownRoles === 0 || ownRoles === profiles.length) return;
  throw new InputError(
    Inputs.inlineSessionPolicy,
    'session policies are given, but some profiles end at role-arn and others assume roles of their own, so there is no single last hop to restrict',
    'Give every profile a role of its own, or write the profiles in two steps',
  );
}
