// Container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI), as the ECS agent or EKS Pod Identity serve them.
import type { ServerContext } from './context.ts';
import { isoSeconds } from './ids.ts';
import { type Call, jsonReply, type Reply } from './reply.ts';

export const CONTAINER_CREDENTIALS_PATH = '/container-credentials';

export function handleContainer(call: Call, ctx: ServerContext): Reply {
  if (call.method !== 'GET') return jsonReply(405, { message: 'Method not allowed' }, 'MethodNotAllowed');
  // The agent compares the Authorization header with the token it handed the container, exactly.
  if (call.headers.authorization !== ctx.description.container.authorizationToken) {
    return jsonReply(
      403,
      { code: 'AccessDenied', message: 'Authorization token is invalid' },
      'AccessDenied',
    );
  }
  const issued = ctx.containerSession.current();
  return jsonReply(200, {
    AccessKeyId: issued.accessKeyId,
    SecretAccessKey: issued.secretAccessKey,
    Token: issued.sessionToken,
    Expiration: isoSeconds(issued.expiresAt ?? Date.now()),
    RoleArn: ctx.description.identities.containerRole.arn,
  });
}
