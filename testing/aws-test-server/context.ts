// State shared by every handler of one server.
import type { CredentialStore } from './credential-store.ts';
import type { JwtKey } from './jwt.ts';
import type { RoleRegistry } from './roles.ts';
import type { RolesAnywhereRegistry } from './rolesanywhere-registry.ts';
import type { RotatingSession } from './rotating-session.ts';
import type { ServerDescription } from './types.ts';

export interface ServerContext {
  store: CredentialStore;
  roles: RoleRegistry;
  rolesAnywhere: RolesAnywhereRegistry;
  jwtKey: JwtKey;
  /** Set when issued sessions should expire after this many ms instead of DurationSeconds. */
  sessionLifetimeMs?: number;
  oidcSubject: string;
  oidcTokenLifetimeSeconds: number;
  description: ServerDescription;
  instanceSession: RotatingSession;
  containerSession: RotatingSession;
  /** IMDSv2 session tokens and when each expires (ms epoch). */
  imdsTokens: Map<string, number>;
}
