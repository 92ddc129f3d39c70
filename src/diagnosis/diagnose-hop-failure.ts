import { escapeLine, quoted, untrusted } from '../safe-text.ts';
import { roleArnOfSession } from '../sts/arn.ts';
import { classifyStsError, httpStatusOf, stsErrorCode } from '../sts/sts-errors.ts';
import { issuerConditionPrefix } from '../trust-policy/github-subjects.ts';
import { clockSkewDiagnosis, clockSkewMs } from './clock-skew.ts';
import type { TokenClaims } from './jwt-claims.ts';
import { adviseOnToken } from './oidc-trust-doctor.ts';
import { StsRefusalError } from './sts-refusal.ts';

/** What was being attempted when a call failed. */
export interface HopContext {
  readonly position: string; // 'hop 2 of 3', or 'credential check'
  readonly operation: 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'GetCallerIdentity';
  readonly roleArn?: string;
  readonly caller: string; // an ARN, or a description such as 'GitHub OIDC token (audience sts.amazonaws.com)'
  readonly callerIsSource: boolean;
  readonly sourceName: string;
  readonly claims?: TokenClaims;
  readonly tagsSent: boolean;
  readonly endpoint: string;
}

/** Turns an STS or network error into a message that says what to fix. */
export function diagnoseHopFailure(error: unknown, hop: HopContext): StsRefusalError {
  // The code and message are the server's own text, quoted on one line; our own checks carry a fix.
  const own = (error as { fix?: unknown })?.fix;
  const code = untrusted(stsErrorCode(error), 64);
  const text = error instanceof Error ? error.message : String(error);
  const stsMessage = typeof own === 'string' ? text : untrusted(text);
  const target = hop.roleArn ? `${hop.operation} ${hop.roleArn}` : hop.operation;
  const headline = `${hop.position} (${target}) failed: ${code}: ${stsMessage}`;
  const details = [`caller: ${hop.caller}`];
  // A wrong clock is the fix only where it explains the refusal: a signed call refused for its time.
  const skew = clockSkewDiagnosis(clockSkewMs(error), hop.endpoint);
  const refusedForTime = hop.operation !== 'AssumeRoleWithWebIdentity' && TIME_REFUSALS.has(code);
  if (skew && !refusedForTime) details.push(`clock: ${skew.replace(/, so its signatures are refused/, '')}`);
  const fix =
    (refusedForTime ? skew : undefined) ??
    (typeof own === 'string' ? own : fixFor(code, stsMessage, hop, details, error));
  return new StsRefusalError(headline, code, details, fix, stsUnavailable(error));
}

/** The codes STS refuses a signature with when the runner's clock is off. */
const TIME_REFUSALS = new Set(['SignatureDoesNotMatch', 'RequestExpired', 'InvalidSignatureException']);

/** No decision from STS: no answer at all (DNS, connection, timeout), a 5xx, or throttling. */
function stsUnavailable(error: unknown): boolean {
  return httpStatusOf(error) === undefined || classifyStsError(error) !== 'fail';
}

function fixFor(code: string, message: string, hop: HopContext, details: string[], error: unknown): string {
  const role = hop.roleArn ?? 'the role';
  if (hop.operation === 'AssumeRoleWithWebIdentity') {
    const claims = hop.claims;
    const advice = claims ? adviseOnToken(claims) : undefined;
    if (advice) details.push(...advice.details);
    const prefix = claims?.iss ? issuerConditionPrefix(claims.iss) : 'token.actions.githubusercontent.com';
    if (code === 'AccessDenied') {
      return (
        `the trust policy of ${role} must allow Federated principal ${oidcProviderArn(hop.roleArn, escapeLine(prefix))} ` +
        `with sts:AssumeRoleWithWebIdentity, and a Condition that matches this token, such as ` +
        `${advice?.conditionText ?? `"${prefix}:sub" like "repo:OWNER/REPO:*"`} ` +
        "('assume-aws-role trust-policy' prints a whole policy)"
      );
    }
    if (code === 'InvalidIdentityToken') {
      return `register ${quoted(claims?.iss ?? 'the issuer')} as an IAM OIDC identity provider in the role's account, with client id (audience) ${quoted(claims?.aud ?? 'sts.amazonaws.com')}`;
    }
    if (code === 'ExpiredTokenException' || code === 'ExpiredToken') {
      return 'the web identity token expired before STS saw it; rerun the job, and check that the token file is refreshed (EKS) and the clocks agree';
    }
    if (code === 'IDPRejectedClaim')
      return `the identity provider rejected the token's claims; check the audience input (${quoted(claims?.aud ?? '?')})`;
  }
  switch (code) {
    case 'AccessDenied': {
      if (/sts:TagSession/.test(message)) {
        return `session tags need sts:TagSession in the trust policy of ${role} for the caller, or drop session-tags`;
      }
      if (/sts:SetSourceIdentity/.test(message)) {
        return `source-identity needs sts:SetSourceIdentity in the trust policy of ${role} for the caller, or drop source-identity`;
      }
      const principal = roleArnOfSession(hop.caller) ?? hop.caller;
      return (
        `the trust policy of ${role} must allow the principal ${principal} to sts:AssumeRole, and that principal's ` +
        `own policies must allow sts:AssumeRole on ${role}. If the role requires an external id, set external-id`
      );
    }
    case 'ExpiredToken':
      return hop.callerIsSource
        ? `the credentials from source '${hop.sourceName}' (${hop.caller}) have expired: ${renewAdvice(hop.sourceName)}`
        : `the session of ${hop.caller} expired during the chain; use a shorter chain or rerun`;
    case 'InvalidClientTokenId':
      return `the access key of ${hop.caller} is not valid in this partition (deleted, inactive, or for another partition or region); check the key and the region`;
    case 'SignatureDoesNotMatch':
      return `the secret access key does not belong to the access key id of ${hop.caller}`;
    case 'MalformedPolicyDocument':
      return 'fix the JSON of inline-session-policy (it must be a valid IAM policy document)';
    case 'PackedPolicyTooLarge':
      return 'shorten inline-session-policy, use fewer managed-session-policies, or send fewer session-tags';
    case 'RegionDisabledException':
      return 'activate STS in this region for the account (IAM > Account settings), or set region to an active one';
    case 'ValidationError':
      return 'correct the value STS names above';
    case 'HttpBodyTooLargeError':
      return `${hop.endpoint} answered with more than any STS answer holds; check sts-endpoint, AWS_ENDPOINT_URL_STS and any proxy`;
    case 'HttpTimeoutError':
    case 'TotalTimeoutError':
      return `check that ${hop.endpoint} is reachable and answers promptly (proxy, firewall, VPC endpoint, sts-endpoint); the limits are ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS and ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS`;
  }
  const status = httpStatusOf(error);
  if (status === undefined)
    return `check that ${hop.endpoint} is reachable from the runner (proxy, firewall, VPC endpoint, sts-endpoint)`;
  if (status >= 500 || code === 'Throttling')
    return 'STS kept failing after retries; rerun the job, or lower the number of parallel jobs';
  return hop.tagsSent
    ? 'check the role and, since tags were sent, its sts:TagSession permission'
    : 'check the role and its trust policy';
}

/** The IAM OIDC provider for an issuer, in the role's own partition and account when the role is known. */
function oidcProviderArn(roleArn: string | undefined, issuerPrefix: string): string {
  const match = roleArn ? /^arn:([\w-]+):iam::(\d{12}):role\//.exec(roleArn) : null;
  const [, partition = 'aws', account = 'ACCOUNT'] = match ?? [];
  return `arn:${partition}:iam::${account}:oidc-provider/${issuerPrefix}`;
}

function renewAdvice(source: string): string {
  if (source === 'keys')
    return 'the session token given in aws-session-token is no longer valid; pass fresh keys';
  if (source === 'env')
    return 'an earlier step exported credentials that are no longer valid; rerun that step closer to this one';
  return 'rerun the job';
}
