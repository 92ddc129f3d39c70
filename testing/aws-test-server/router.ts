// Which service a request is for, what the log records about it, and how to answer it.
import { CONTAINER_CREDENTIALS_PATH, handleContainer } from './container-credentials.ts';
import type { ServerContext } from './context.ts';
import { handleOidc, OIDC_TOKEN_PATH } from './github-oidc.ts';
import { handleImds, imdsAction } from './imds.ts';
import type { Call, Reply } from './reply.ts';
import { readCreateSession, SESSIONS_PATH } from './rolesanywhere-session.ts';
import { handleSsoPortal, SSO_CREDENTIALS_PATH } from './sso-portal.ts';
import { handleSts, readStsCall } from './sts-service.ts';
import type { FaultTarget } from './types.ts';

const IMDS_PREFIX = '/latest/';

export interface Routed {
  target: FaultTarget;
  action?: string;
  params: Record<string, string>;
  callerAccessKeyId?: string;
  callerArn?: string;
  handle(): Reply;
}

export function routeCall(call: Call, ctx: ServerContext): Routed | undefined {
  if (call.path === '/') {
    const sts = readStsCall(call, ctx);
    return {
      target: 'sts',
      action: sts.action,
      params: sts.logged,
      callerAccessKeyId: sts.callerAccessKeyId,
      callerArn: sts.callerArn,
      handle: () => handleSts(call, sts, ctx),
    };
  }
  if (call.path === SESSIONS_PATH) {
    const session = readCreateSession(call, ctx);
    return {
      target: 'rolesanywhere',
      action: 'CreateSession',
      params: session.logged,
      handle: session.handle,
    };
  }
  if (call.path.startsWith(IMDS_PREFIX)) {
    return {
      target: 'imds',
      action: imdsAction(call.path),
      params: { path: call.path },
      handle: () => handleImds(call, ctx),
    };
  }
  if (call.path === CONTAINER_CREDENTIALS_PATH) {
    return {
      target: 'container',
      action: 'credentials',
      params: {},
      handle: () => handleContainer(call, ctx),
    };
  }
  if (call.path === SSO_CREDENTIALS_PATH) {
    return {
      target: 'sso',
      action: 'GetRoleCredentials',
      params: {
        account_id: call.query.get('account_id') ?? '',
        role_name: call.query.get('role_name') ?? '',
      },
      handle: () => handleSsoPortal(call, ctx),
    };
  }
  if (call.path === OIDC_TOKEN_PATH) {
    const audience = call.query.get('audience');
    return {
      target: 'oidc',
      action: 'token',
      params: audience === null ? {} : { audience },
      handle: () => handleOidc(call, ctx),
    };
  }
  return undefined;
}
