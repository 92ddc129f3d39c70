// The local AWS test server: STS, GitHub OIDC, IMDSv2 and container credentials on one loopback port.
export { describeServer } from './control-api.ts';
export { startAwsTestServer } from './server.ts';
export { containerEnv, imdsEnv, oidcEnv, type SourceEndpoints } from './source-env.ts';
export type {
  AwsTestServer,
  CreatedTrustAnchor,
  Fault,
  FaultKind,
  FaultTarget,
  IdTokenClaims,
  LoggedRequest,
  ProfileOptions,
  RoleConfig,
  ServerDescription,
  ServerIdentities,
  TestServerOptions,
  TrustAnchorOptions,
} from './types.ts';
