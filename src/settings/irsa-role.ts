import { AwsEnv, Inputs } from '../constants.ts';
import { fromEnv } from './read-inputs.ts';
import { parseRoleChain } from './role-chain.ts';
import type { ProfileTarget, SourceName } from './settings.ts';

const OIDC_REQUEST_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';

export interface SourceAndRoles {
  readonly source: SourceName;
  readonly roleArns: readonly string[];
}

/**
 * EKS IRSA sets AWS_ROLE_ARN beside AWS_WEB_IDENTITY_TOKEN_FILE, and every SDK assumes that role with
 * the token. Without a role-arn input, do the same for source web-identity, and for auto when nothing
 * else (keys, a GitHub OIDC token) would be chosen first.
 */
export function withIrsaRole(
  source: SourceName,
  roleArns: readonly string[],
  profiles: readonly ProfileTarget[],
  facts: { readonly hasKeys: boolean; readonly webIdentityTokenFile?: string },
  env: NodeJS.ProcessEnv,
): SourceAndRoles {
  if (roleArns.length > 0 || profiles.length > 0 || facts.webIdentityTokenFile === undefined) {
    return { source, roleArns };
  }
  const irsaCandidate =
    source === 'web-identity' || (source === 'auto' && !facts.hasKeys && !env[OIDC_REQUEST_URL]);
  const role = irsaCandidate ? fromEnv(env, [AwsEnv.roleArn], Inputs.roleArn) : undefined;
  if (!role) return { source, roleArns };
  return {
    source: 'web-identity',
    roleArns: parseRoleChain(role.value, Inputs.roleArn, `${AwsEnv.roleArn}: `),
  };
}
