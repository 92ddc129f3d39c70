// EC2 instance metadata, IMDSv2 only: a PUT token first, then credentials of the instance role.
import type { ServerContext } from './context.ts';
import { isoSeconds, newOpaqueToken } from './ids.ts';
import { type Call, jsonReply, type Reply, textReply } from './reply.ts';

const TOKEN_PATH = '/latest/api/token';
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials';
const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
const TOKEN_HEADER = 'x-aws-ec2-metadata-token';
const MAX_TTL_SECONDS = 21600;
const REGION = 'us-east-1';
const INSTANCE_ID = 'i-0123456789abcdef0';

/** The fault-injection action of an IMDS path: 'token', 'credentials' or 'metadata'. */
export function imdsAction(path: string): string {
  if (path === TOKEN_PATH) return 'token';
  return path.startsWith(CREDENTIALS_PATH) ? 'credentials' : 'metadata';
}

export function handleImds(call: Call, ctx: ServerContext): Reply {
  if (call.path === TOKEN_PATH) return issueToken(call, ctx);
  if (call.method !== 'GET') return textReply(405, 'Method Not Allowed', 'MethodNotAllowed');
  const token = call.headers[TOKEN_HEADER];
  const expiresAt = typeof token === 'string' ? ctx.imdsTokens.get(token) : undefined;
  // IMDSv1 (no token) is refused, as on an instance with HttpTokens=required.
  if (expiresAt === undefined || Date.now() >= expiresAt)
    return textReply(401, 'Unauthorized', 'Unauthorized');

  const roleName = ctx.description.identities.instanceRole.name;
  const path = call.path.replace(/\/$/, '');
  if (path === CREDENTIALS_PATH) return textReply(200, roleName);
  if (path === `${CREDENTIALS_PATH}/${roleName}`) {
    const issued = ctx.instanceSession.current();
    return jsonReply(200, {
      Code: 'Success',
      LastUpdated: isoSeconds(issued.issuedAt),
      Type: 'AWS-HMAC',
      AccessKeyId: issued.accessKeyId,
      SecretAccessKey: issued.secretAccessKey,
      Token: issued.sessionToken,
      Expiration: isoSeconds(issued.expiresAt ?? Date.now()),
    });
  }
  if (path === '/latest/meta-data/placement/region') return textReply(200, REGION);
  if (path === '/latest/meta-data/instance-id') return textReply(200, INSTANCE_ID);
  return textReply(404, 'Not Found', 'NotFound');
}

function issueToken(call: Call, ctx: ServerContext): Reply {
  if (call.method !== 'PUT') return textReply(405, 'Method Not Allowed', 'MethodNotAllowed');
  const ttl = call.headers[TTL_HEADER];
  const seconds = typeof ttl === 'string' && /^\d+$/.test(ttl) ? Number(ttl) : Number.NaN;
  if (!(seconds >= 1 && seconds <= MAX_TTL_SECONDS)) return textReply(400, 'Bad Request', 'BadRequest');
  const token = newOpaqueToken();
  ctx.imdsTokens.set(token, Date.now() + seconds * 1000);
  return {
    status: 200,
    headers: { 'content-type': 'text/plain', [TTL_HEADER]: String(seconds) },
    body: token,
  };
}
