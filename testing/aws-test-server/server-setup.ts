// The fixed identities, endpoints and secrets of one server, and the context its handlers share.
import type { ServerContext } from './context.ts';
import type { CredentialStore } from './credential-store.ts';
import { DEFAULT_OIDC_LIFETIME_SECONDS, DEFAULT_OIDC_SUBJECT, OIDC_TOKEN_PATH } from './github-oidc.ts';
import { newOpaqueToken } from './ids.ts';
import type { JwtKey } from './jwt.ts';
import { RoleRegistry } from './roles.ts';
import { RolesAnywhereRegistry } from './rolesanywhere-registry.ts';
import { RotatingSession } from './rotating-session.ts';
import { GITHUB_ISSUER } from './sts-web-identity.ts';
import type { ServerDescription, TestServerOptions } from './types.ts';

const ACCOUNT_ID = '111111111111';
export const USER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/test-user`;
const INSTANCE_ID = 'i-0123456789abcdef0'; // IMDS sessions are named after the instance
const AGENT_SESSION_MS = 6 * 60 * 60 * 1000; // IMDS and container agents hand out ~6 hour sessions

export function createContext(
  url: string,
  store: CredentialStore,
  jwtKey: JwtKey,
  options: TestServerOptions,
): ServerContext {
  const userKeys = store.issueUserKeys(USER_ARN);
  const instanceRole = {
    name: 'test-instance-role',
    arn: `arn:aws:iam::${ACCOUNT_ID}:role/test-instance-role`,
  };
  const containerRole = { arn: `arn:aws:iam::${ACCOUNT_ID}:role/test-container-role` };
  const description: ServerDescription = {
    url,
    port: Number(new URL(url).port),
    stsEndpoint: url,
    imdsEndpoint: url,
    oidc: {
      requestUrl: `${url}${OIDC_TOKEN_PATH}?api-version=2.0`,
      requestToken: newOpaqueToken(),
      issuer: GITHUB_ISSUER,
    },
    container: { fullUri: `${url}/container-credentials`, authorizationToken: newOpaqueToken() },
    sso: { endpoint: url, accessToken: newOpaqueToken() },
    identities: {
      user: {
        accessKeyId: userKeys.accessKeyId,
        secretAccessKey: userKeys.secretAccessKey,
        arn: USER_ARN,
        accountId: ACCOUNT_ID,
      },
      instanceRole,
      containerRole,
    },
  };
  const agentLifetime = options.sessionLifetimeMs ?? AGENT_SESSION_MS;
  return {
    store,
    roles: new RoleRegistry(),
    rolesAnywhere: new RolesAnywhereRegistry(),
    jwtKey,
    sessionLifetimeMs: options.sessionLifetimeMs,
    oidcSubject: options.oidcSubject ?? DEFAULT_OIDC_SUBJECT,
    oidcTokenLifetimeSeconds: options.oidcTokenLifetimeSeconds ?? DEFAULT_OIDC_LIFETIME_SECONDS,
    description,
    instanceSession: new RotatingSession(store, instanceRole.arn, INSTANCE_ID, agentLifetime),
    containerSession: new RotatingSession(store, containerRole.arn, newOpaqueToken(16), agentLifetime),
    imdsTokens: new Map(),
  };
}
