// STS AssumeRoleWithWebIdentity: checks the token as STS checks a GitHub OIDC token, then the role's trust.
import { globMatches, parseRoleArn } from './arn.ts';
import type { ServerContext } from './context.ts';
import { decodeJwt, hasValidSignature } from './jwt.ts';
import { DEFAULT_MAX_SESSION_DURATION, DEFAULT_WEB_IDENTITY_AUDIENCE } from './roles.ts';
import { checkSessionPolicy, sessionSeconds } from './session-rules.ts';
import { StsError } from './sts-error.ts';
import { readWebIdentity } from './sts-params.ts';
import { assumedRoleUserXml, credentialsXml } from './sts-result.ts';
import type { XmlContent } from './sts-xml.ts';
import { trustPolicyAllows } from './trust-policy.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

const NOT_A_JWT =
  'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)';
const NOT_VALIDATED =
  'The web identity token that was passed could not be validated by AWS. ' +
  'Get a new identity token from the identity provider and then retry the request.';

function audiences(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}

export function assumeRoleWithWebIdentity(params: Record<string, string>, ctx: ServerContext): XmlContent {
  const request = readWebIdentity(params);
  const role = parseRoleArn(request.roleArn);
  if (!role) throw new StsError('ValidationError', 'Request ARN is invalid');
  const packedPolicySize = checkSessionPolicy(request.policy, request.policyArns, []);
  const config = ctx.roles.get(request.roleArn);
  const seconds = sessionSeconds(
    request.durationSeconds,
    config.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    false,
  );

  const jwt = decodeJwt(request.webIdentityToken);
  if (!jwt) throw new StsError('InvalidIdentityToken', NOT_A_JWT);
  const { iss, sub, aud, exp } = jwt.claims;
  if (iss !== GITHUB_ISSUER) {
    throw new StsError(
      'InvalidIdentityToken',
      `No OpenIDConnect provider found in your account for ${String(iss)}`,
    );
  }
  if (!hasValidSignature(ctx.jwtKey, jwt)) throw new StsError('InvalidIdentityToken', NOT_VALIDATED);
  const nowSeconds = Math.floor(Date.now() / 1000);
  if (typeof exp !== 'number' || nowSeconds >= exp) {
    throw new StsError(
      'ExpiredTokenException',
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${String(exp)}`,
    );
  }
  const expectedAudience = config.webIdentityAudience ?? DEFAULT_WEB_IDENTITY_AUDIENCE;
  if (!audiences(aud).includes(expectedAudience))
    throw new StsError('InvalidIdentityToken', 'Incorrect token audience');
  const subject = typeof sub === 'string' ? sub : '';
  const subjectRefused =
    config.webIdentitySubject !== undefined && !globMatches(config.webIdentitySubject, subject);
  const policyRefused =
    config.webIdentityTrustPolicy !== undefined &&
    !trustPolicyAllows(config.webIdentityTrustPolicy, jwt.claims, expectedAudience);
  if (config.denyCallers === 'all' || subjectRefused || policyRefused) {
    throw new StsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
  }

  const issued = ctx.store.issueSession({
    roleArn: request.roleArn,
    sessionName: request.roleSessionName,
    lifetimeMs: ctx.sessionLifetimeMs ?? seconds * 1000,
  });
  return {
    Credentials: credentialsXml(issued),
    SubjectFromWebIdentityToken: subject,
    AssumedRoleUser: assumedRoleUserXml(issued),
    PackedPolicySize: packedPolicySize,
    Provider: `arn:${role.partition}:iam::${role.accountId}:oidc-provider/${GITHUB_ISSUER.replace('https://', '')}`,
    Audience: expectedAudience,
  };
}
