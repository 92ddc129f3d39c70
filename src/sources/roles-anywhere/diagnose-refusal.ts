import type { X509Certificate } from 'node:crypto';
import { SourceError } from '../../errors.ts';
import { describeCertificate } from './certificate-checks.ts';
import type { CreateSessionParameters } from './create-session.ts';
import { CreateSessionError } from './create-session.ts';

const SOURCE = 'roles-anywhere';
const TRUST_POLICY =
  "The role's trust policy must allow the principal rolesanywhere.amazonaws.com the actions " +
  'sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity (and any Condition on ' +
  'aws:PrincipalTag/x509Subject/CN must match the certificate below)';

/** Turns a failed CreateSession into a SourceError that names what was asked and what to check. */
export function diagnoseCreateSession(
  error: unknown,
  parameters: CreateSessionParameters,
  leaf: X509Certificate,
  endpoint: URL,
): SourceError {
  const asked = [
    `trust anchor: ${parameters.trustAnchorArn}`,
    `profile: ${parameters.profileArn}`,
    `role: ${parameters.roleArn}`,
    ...describeCertificate(leaf).map((line) => `certificate ${line}`),
  ];
  const details = (fix: string) => [fix, ...asked].join('\n  ');
  if (!(error instanceof CreateSessionError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new SourceError(
      SOURCE,
      `CreateSession at ${endpoint.host} could not be completed: ${reason}`,
      'Check that the runner reaches the endpoint (HTTPS_PROXY, NO_PROXY, firewall), then rerun',
    );
  }
  const headline = `CreateSession at ${endpoint.host} was refused: ${error.message}`;
  if (error.status === 403 || /AccessDenied/.test(error.code)) {
    return new SourceError(
      SOURCE,
      headline,
      details(
        `Check that the certificate chains to the trust anchor's CA, that the trust anchor and the profile are enabled, that the profile lists the role, and: ${TRUST_POLICY}`,
      ),
    );
  }
  if (error.status === 404 || /NotFound/.test(error.code)) {
    return new SourceError(
      SOURCE,
      headline,
      details('Check the trust anchor and profile ARNs: both must exist in the account and region they name'),
    );
  }
  if (/Validation/.test(error.code) || error.status === 400) {
    const sessionName =
      parameters.roleSessionName === undefined
        ? ''
        : ` A session name was sent (${parameters.roleSessionName}): the profile must accept it (acceptRoleSessionName), or leave session-name unset.`;
    return new SourceError(
      SOURCE,
      headline,
      details(
        `Check duration (${parameters.durationSeconds} s) against the profile's and the role's maximum session duration.${sessionName}`,
      ),
    );
  }
  return new SourceError(
    SOURCE,
    headline,
    details('Rerun the job; if it persists, check the AWS Health Dashboard'),
  );
}
