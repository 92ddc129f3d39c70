// STS AssumeRole: validates like STS, applies the role's trust configuration, issues a session.
import { parseRoleArn } from './arn.ts';
import type { ServerContext } from './context.ts';
import type { IssuedCredentials } from './credential-store.ts';
import { DEFAULT_MAX_SESSION_DURATION, refusesCaller } from './roles.ts';
import { checkSessionPolicy, checkTags, sessionSeconds } from './session-rules.ts';
import { notAuthorized, StsError } from './sts-error.ts';
import { readAssumeRole } from './sts-params.ts';
import { assumedRoleUserXml, credentialsXml } from './sts-result.ts';
import type { XmlContent } from './sts-xml.ts';

export function assumeRole(
  params: Record<string, string>,
  caller: IssuedCredentials,
  ctx: ServerContext,
): XmlContent {
  const request = readAssumeRole(params);
  if (!parseRoleArn(request.roleArn)) throw new StsError('ValidationError', 'Request ARN is invalid');
  checkTags(request.tags, request.transitiveTagKeys);
  const packedPolicySize = checkSessionPolicy(request.policy, request.policyArns, request.tags);
  const config = ctx.roles.get(request.roleArn);
  // Any caller holding a session token is itself a role session, so this call is role chaining.
  const chained = caller.sessionToken !== undefined;
  const seconds = sessionSeconds(
    request.durationSeconds,
    config.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    chained,
  );

  const callerArn = caller.principal.arn;
  if (refusesCaller(config, caller.principal)) throw notAuthorized(callerArn, 'AssumeRole', request.roleArn);
  if (config.requireExternalId !== undefined && request.externalId !== config.requireExternalId) {
    throw notAuthorized(callerArn, 'AssumeRole', request.roleArn);
  }
  if (config.denyTagSession && request.tags.length > 0) {
    throw notAuthorized(callerArn, 'TagSession', request.roleArn);
  }

  const sourceIdentity = request.sourceIdentity ?? caller.principal.sourceIdentity; // persists through a chain
  const issued = ctx.store.issueSession({
    roleArn: request.roleArn,
    sessionName: request.roleSessionName,
    lifetimeMs: ctx.sessionLifetimeMs ?? seconds * 1000,
    sourceIdentity,
  });
  return {
    Credentials: credentialsXml(issued),
    AssumedRoleUser: assumedRoleUserXml(issued),
    PackedPolicySize: packedPolicySize,
    SourceIdentity: sourceIdentity,
  };
}
