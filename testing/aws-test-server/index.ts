// The local AWS test server: STS, GitHub OIDC, IMDSv2 and container credentials on one loopback port.
export { describeServer } from './control-api.ts';
export { startAwsTestServer } from './server.ts';
export { containerEnv, imdsEnv, oidcEnv, type SourceEndpoints } from './source-env.ts';
export type {
  AwsTestServer,
  Fault,
  FaultKind,
  FaultTarget,
  IdTokenClaims,
  LoggedRequest,
  RoleConfig,
  ServerDescription,
  ServerIdentities,
  TestServerOptions,
} from './types.ts';
