// IAM Roles Anywhere CreateSession on POST /sessions: authenticates the X.509 signature, applies the trust
// anchor, the profile and the role's trust, and issues a role session that the STS part accepts for chains.
// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication-create-session.html
import { randomUUID, type X509Certificate } from 'node:crypto';
import { parseRoleArn } from './arn.ts';
import type { ServerContext } from './context.ts';
import { isoSeconds } from './ids.ts';
import { type Call, jsonReply, type Reply } from './reply.ts';
import { RolesAnywhereError, verifyX509Request } from './rolesanywhere-auth.ts';

export const SESSIONS_PATH = '/sessions';
const PROFILE_DEFAULT_SECONDS = 3600;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export interface CreateSessionCall {
  /** What the request log records: the ARNs, duration and session name as sent. */
  logged: Record<string, string>;
  handle(): Reply;
}

const invalid = (message: string) => new RolesAnywhereError(400, 'ValidationException', message);

/** The parameters from the JSON body, or from the query (the API takes the ARNs as either). */
function readParameters(call: Call): Record<string, unknown> {
  let body: unknown = {};
  const text = call.body.toString();
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { invalidBody: true };
  return { ...Object.fromEntries(call.query), ...(body as Record<string, unknown>) };
}

export function readCreateSession(call: Call, ctx: ServerContext): CreateSessionCall {
  const params = readParameters(call);
  const logged: Record<string, string> = {};
  for (const name of ['trustAnchorArn', 'profileArn', 'roleArn', 'durationSeconds', 'roleSessionName']) {
    if (params[name] !== undefined) logged[name] = String(params[name]);
  }
  return {
    logged,
    handle: () => {
      try {
        return createSession(call, params, ctx);
      } catch (error) {
        if (!(error instanceof RolesAnywhereError)) throw error;
        return {
          ...jsonReply(error.status, { message: error.message }, error.code),
          headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.code },
        };
      }
    },
  };
}

function createSession(call: Call, params: Record<string, unknown>, ctx: ServerContext): Reply {
  if (call.method !== 'POST') throw invalid('CreateSession takes POST');
  if (params.invalidBody) throw invalid('The request body is not a JSON object');
  const text = (name: string) => {
    const value = params[name];
    if (typeof value !== 'string' || value === '') throw invalid(`${name} is required`);
    return value;
  };
  const [trustAnchorArn, profileArn, roleArn] = [text('trustAnchorArn'), text('profileArn'), text('roleArn')];
  const anchor = ctx.rolesAnywhere.anchor(trustAnchorArn);
  if (!anchor) throw new RolesAnywhereError(404, 'ResourceNotFoundException', 'Trust anchor not found');
  const profile = ctx.rolesAnywhere.profile(profileArn);
  if (!profile) throw new RolesAnywhereError(404, 'ResourceNotFoundException', 'Profile not found');
  const leaf = verifyX509Request(call, anchor);

  const role = parseRoleArn(roleArn);
  if (!role) throw invalid('roleArn is not a role ARN');
  if (profile.roleArns && !profile.roleArns.includes(roleArn)) {
    throw new RolesAnywhereError(403, 'AccessDeniedException', 'The profile does not allow this role');
  }
  if (ctx.roles.get(roleArn).denyRolesAnywhere) {
    throw new RolesAnywhereError(403, 'AccessDeniedException', 'Unable to assume role for this request');
  }
  const requested = params.durationSeconds;
  if (
    requested !== undefined &&
    (!Number.isInteger(requested) || (requested as number) < 900 || (requested as number) > 43200)
  ) {
    throw invalid('durationSeconds must be an integer from 900 to 43200');
  }
  const sessionName = params.roleSessionName;
  if (sessionName !== undefined) {
    if (!profile.acceptRoleSessionName) throw invalid('This profile does not accept roleSessionName');
    if (typeof sessionName !== 'string' || !SESSION_NAME.test(sessionName))
      throw invalid('roleSessionName is invalid');
  }

  const maxSeconds = profile.durationSeconds ?? PROFILE_DEFAULT_SECONDS;
  const seconds = Math.min((requested as number | undefined) ?? maxSeconds, maxSeconds);
  // A session never outlives the certificate it was issued for.
  const lifetimeMs = Math.min(ctx.sessionLifetimeMs ?? seconds * 1000, Date.parse(leaf.validTo) - Date.now());
  const issued = ctx.store.issueSession({
    roleArn,
    sessionName: (sessionName as string | undefined) ?? leaf.serialNumber.toLowerCase(),
    lifetimeMs,
    sourceIdentity: commonName(leaf),
  });
  const { principal } = issued;
  return jsonReply(201, {
    credentialSet: [
      {
        assumedRoleUser: { arn: principal.arn, assumedRoleId: principal.userId },
        credentials: {
          accessKeyId: issued.accessKeyId,
          secretAccessKey: issued.secretAccessKey,
          sessionToken: issued.sessionToken,
          expiration: isoSeconds(issued.expiresAt ?? Date.now()),
        },
        packedPolicySize: 0,
        roleArn,
        sourceIdentity: principal.sourceIdentity,
      },
    ],
    subjectArn: trustAnchorArn.replace(/:trust-anchor\/.*$/, `:subject/${randomUUID()}`),
  });
}

function commonName(certificate: X509Certificate): string | undefined {
  return /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
}
