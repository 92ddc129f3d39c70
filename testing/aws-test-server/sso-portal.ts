// The IAM Identity Center portal's GetRoleCredentials (what the SDK's fromSSO calls with the access
// token `aws sso login` cached): role credentials for an account and a permission set.
import type { ServerContext } from './context.ts';
import { type Call, jsonReply, type Reply } from './reply.ts';

export const SSO_CREDENTIALS_PATH = '/federation/credentials';
const SSO_SESSION_MS = 60 * 60 * 1000;

export function handleSsoPortal(call: Call, ctx: ServerContext): Reply {
  if (call.method !== 'GET') return jsonReply(405, { message: 'Method not allowed' }, 'MethodNotAllowed');
  if (call.headers['x-amz-sso_bearer_token'] !== ctx.description.sso.accessToken)
    return jsonReply(401, { message: 'Session token not found or invalid' }, 'UnauthorizedException');
  const accountId = call.query.get('account_id') ?? '';
  const roleName = call.query.get('role_name') ?? '';
  if (!/^\d{12}$/.test(accountId) || !/^[\w+=,.@-]{1,64}$/.test(roleName))
    return jsonReply(400, { message: 'Invalid account_id or role_name' }, 'InvalidRequestException');
  const issued = ctx.store.issueSession({
    roleArn: `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${roleName}_0123456789abcdef`,
    sessionName: 'sso-user',
    lifetimeMs: ctx.sessionLifetimeMs ?? SSO_SESSION_MS,
  });
  return jsonReply(200, {
    roleCredentials: {
      accessKeyId: issued.accessKeyId,
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      expiration: issued.expiresAt,
    },
  });
}
