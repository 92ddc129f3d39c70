// The STS query API on POST /: reads the action and parameters, authenticates, dispatches.
import type { ServerContext } from './context.ts';
import { newRequestId } from './ids.ts';
import { decodeJwt } from './jwt.ts';
import type { Call, Reply } from './reply.ts';
import { assumeRole } from './sts-assume-role.ts';
import { authenticate, claimedAccessKeyId } from './sts-auth.ts';
import { StsError } from './sts-error.ts';
import { assumeRoleWithWebIdentity } from './sts-web-identity.ts';
import { stsErrorReply, stsResultReply } from './sts-xml.ts';

const API_VERSION = '2011-06-15';
const NOT_LOGGED = new Set(['Action', 'Version', 'WebIdentityToken']);

export interface StsCall {
  action?: string;
  params: Record<string, string>;
  /** What the request log records: the parameters minus Action, Version and the token itself. */
  logged: Record<string, string>;
  callerAccessKeyId?: string;
  callerArn?: string;
}

export function readStsCall(call: Call, ctx: ServerContext): StsCall {
  const params: Record<string, string> = Object.fromEntries(call.query);
  if (call.body.length > 0)
    Object.assign(params, Object.fromEntries(new URLSearchParams(call.body.toString())));
  const logged = Object.fromEntries(Object.entries(params).filter(([name]) => !NOT_LOGGED.has(name)));
  const claims = params.WebIdentityToken ? decodeJwt(params.WebIdentityToken)?.claims : undefined;
  for (const name of ['iss', 'sub', 'aud']) {
    if (claims?.[name] !== undefined) logged[`WebIdentityToken.${name}`] = String(claims[name]);
  }
  const callerAccessKeyId = claimedAccessKeyId(call);
  const callerArn = callerAccessKeyId ? ctx.store.lookup(callerAccessKeyId)?.principal.arn : undefined;
  return { action: params.Action, params, logged, callerAccessKeyId, callerArn };
}

export function handleSts(call: Call, sts: StsCall, ctx: ServerContext): Reply {
  const requestId = newRequestId();
  const action = sts.action ?? '';
  try {
    if (sts.params.Version !== undefined && sts.params.Version !== API_VERSION) {
      throw new StsError(
        'InvalidAction',
        `Could not find operation ${action} for version ${sts.params.Version}`,
      );
    }
    switch (action) {
      case 'GetCallerIdentity': {
        const { principal } = authenticate(call, ctx.store);
        const result = { Arn: principal.arn, UserId: principal.userId, Account: principal.accountId };
        return stsResultReply(action, result, requestId);
      }
      case 'AssumeRole':
        return stsResultReply(action, assumeRole(sts.params, authenticate(call, ctx.store), ctx), requestId);
      case 'AssumeRoleWithWebIdentity': // unsigned: the token is the credential
        return stsResultReply(action, assumeRoleWithWebIdentity(sts.params, ctx), requestId);
      default:
        throw new StsError('InvalidAction', `Could not find operation ${action} for version ${API_VERSION}`);
    }
  } catch (error) {
    if (error instanceof StsError) return stsErrorReply(error, requestId);
    throw error;
  }
}
