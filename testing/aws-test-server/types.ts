// Public types of the local AWS test server.

import type { ConditionBlock } from '../../src/trust-policy/string-conditions.ts';
import type { CreatedTrustAnchor, TrustAnchorOptions } from './rolesanywhere-registry.ts';

export interface WebIdentityTrustPolicy {
  readonly Statement: readonly {
    readonly Effect?: string;
    readonly Principal?: { readonly Federated?: string };
    readonly Action?: string | readonly string[];
    readonly Condition?: ConditionBlock;
  }[];
}

export type { CreatedTrustAnchor, ProfileOptions, TrustAnchorOptions } from './rolesanywhere-registry.ts';

export type FaultTarget = 'sts' | 'oidc' | 'imds' | 'container' | 'rolesanywhere' | 'sso';

export type FaultKind =
  | 'throttle'
  | 'server-error'
  | 'drop'
  | 'delay'
  | 'hang'
  | 'idp-communication-error'
  | 'invalid-identity-token'
  | 'hostile';

export interface Fault {
  target: FaultTarget;
  kind: FaultKind;
  /** How many of the next matching requests get the fault. */
  count: number;
  /** STS action such as 'AssumeRole'; imds 'token' | 'credentials' | 'metadata'; oidc 'token'; rolesanywhere 'CreateSession'. */
  action?: string;
  /** For 'delay': how long to wait before the normal response. */
  delayMs?: number;
  /** For 'server-error': the status to send (default 500; STS 503 becomes ServiceUnavailable). */
  status?: number;
  /** For 'hostile': how the real answer is bent (see hostilities.ts). */
  hostility?: string;
  /** For hostility 'oversize': body size (default 2 MiB). */
  sizeBytes?: number;
  /** For hostility 'trickle': time between bytes (default 500 ms). */
  intervalMs?: number;
  /** For hostility 'skewed-date': how far the server's clock is ahead (default 20 min; negative: behind). */
  skewMs?: number;
}

export interface TestServerOptions {
  /** Added before every response (not control API ones). */
  latencyMs?: number;
  /** If set, issued session credentials expire after this many ms and report that Expiration. */
  sessionLifetimeMs?: number;
  /** `sub` claim of tokens from the OIDC endpoint. */
  oidcSubject?: string;
  /** Lifetime of tokens from the OIDC endpoint. */
  oidcTokenLifetimeSeconds?: number;
}

export interface RoleConfig {
  /** Caller ARNs (user, assumed-role or the role behind a session; `*` wildcards) refused, or 'all'. */
  denyCallers?: string[] | 'all';
  requireExternalId?: string;
  denyTagSession?: boolean;
  /** Trust condition on the web identity token's `sub`: exact, or with `*` wildcards. */
  webIdentitySubject?: string;
  /**
   * A trust policy (as JSON) for web identity: a statement must allow sts:AssumeRoleWithWebIdentity for the
   * token's issuer, and its Condition must hold with IAM's StringEquals/StringLike semantics.
   */
  webIdentityTrustPolicy?: WebIdentityTrustPolicy;
  /** Audience the role accepts from web identity tokens (default sts.amazonaws.com). */
  webIdentityAudience?: string;
  maxSessionDuration?: number;
  /** The trust policy does not allow rolesanywhere.amazonaws.com: CreateSession is denied. */
  denyRolesAnywhere?: boolean;
}

export interface LoggedRequest {
  target: FaultTarget | 'control';
  action?: string;
  params: Record<string, string>;
  callerAccessKeyId?: string;
  callerArn?: string;
  /** 0 when the fault dropped the connection or left it hanging. */
  status: number;
  errorCode?: string;
  /** Epoch ms when the request's head arrived (before its body was read). */
  at: number;
}

export interface UserIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  arn: string;
  accountId: string;
}

export interface ServerIdentities {
  user: UserIdentity;
  instanceRole: { name: string; arn: string };
  containerRole: { arn: string };
}

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
}

/** What the CLI prints and GET /__control/info returns. */
export interface ServerDescription {
  url: string;
  port: number;
  stsEndpoint: string;
  imdsEndpoint: string;
  oidc: { requestUrl: string; requestToken: string; issuer: string };
  container: { fullUri: string; authorizationToken: string };
  /** The IAM Identity Center portal: AWS_ENDPOINT_URL_SSO, and the access token `aws sso login` would cache. */
  sso: { endpoint: string; accessToken: string };
  identities: ServerIdentities;
}

export interface FaultControls {
  inject(fault: Fault): void;
  clear(): void;
  setLatency(ms: number): void;
  /** Random throttling of STS; `maxInARow` caps the throttles one caller gets in a row. */
  setThrottleRate(rate: number, maxInARow?: number): void;
}

export interface AwsTestServer extends ServerDescription {
  configureRole(roleArn: string, config: RoleConfig): void;
  /** An IAM Roles Anywhere trust anchor for this CA certificate (PEM), with a profile; CreateSession is at `url`. */
  addTrustAnchor(caPem: string, options?: TrustAnchorOptions): CreatedTrustAnchor;
  mintIdToken(claims?: Partial<IdTokenClaims>, options?: { badSignature?: boolean }): string;
  issueKeys(arn?: string): { accessKeyId: string; secretAccessKey: string };
  faults: FaultControls;
  readonly requests: readonly LoggedRequest[];
  clearLog(): void;
  close(): Promise<void>;
}
