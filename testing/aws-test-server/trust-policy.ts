// A role's web identity trust policy, applied as IAM applies it to a token (string conditions only).
import { issuerConditionPrefix } from '../../src/trust-policy/github-subjects.ts';
import { conditionMatches } from '../../src/trust-policy/string-conditions.ts';
import type { WebIdentityTrustPolicy } from './types.ts';

const ACTION = 'sts:AssumeRoleWithWebIdentity';

/** Whether some Allow statement names the token's issuer as provider and its conditions hold. */
export function trustPolicyAllows(
  policy: WebIdentityTrustPolicy,
  claims: Record<string, unknown>,
  audience: string,
): boolean {
  if (typeof claims.iss !== 'string') return false;
  const prefix = issuerConditionPrefix(claims.iss);
  // Every string claim is a condition key `ISSUER:claim`; aud is the audience STS matched.
  const context: Record<string, string> = { [`${prefix}:aud`]: audience };
  for (const [name, value] of Object.entries(claims))
    if (typeof value === 'string' && name !== 'aud') context[`${prefix}:${name}`] = value;
  return policy.Statement.some((statement) => {
    const actions = typeof statement.Action === 'string' ? [statement.Action] : (statement.Action ?? []);
    return (
      statement.Effect === 'Allow' &&
      actions.includes(ACTION) &&
      (statement.Principal?.Federated ?? '').endsWith(`:oidc-provider/${prefix}`) &&
      conditionMatches(statement.Condition ?? {}, context)
    );
  });
}
