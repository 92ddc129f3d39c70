// Public types of the local AWS test server.
import type { ConditionBlock } from '../../src/trust-policy/string-conditions.ts';

export interface WebIdentityTrustPolicy {
  readonly Statement: readonly {
    readonly Effect?: string;
    readonly Principal?: { readonly Federated?: string };
    readonly Action?: string | readonly string[];
    readonly Condition?: ConditionBlock;
  }[];
}

export type FaultTarget = 'sts' | 'oidc' | 'imds' | 'container';

export type FaultKind =
  | 'throttle'
  | 'server-error'
  | 'drop'
  | 'delay'
  | 'hang'
  | 'idp-communication-error'
  | 'invalid-identity-token';

export interface Fault {
  target: FaultTarget;
  kind: FaultKind;
  /** How many of the next matching requests get the fault. */
  count: number;
  /** STS action such as 'AssumeRole'; for imds 'token' | 'credentials' | 'metadata'; oidc 'token'. */
  action?: string;
  /** For 'delay': how long to wait before the normal response. */
  delayMs?: number;
  /** For 'server-error': the status to send (default 500; STS 503 becomes ServiceUnavailable). */
  status?: number;
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
  identities: ServerIdentities;
}

export interface FaultControls {
  inject(fault: Fault): void;
  clear(): void;
  setLatency(ms: number): void;
  setThrottleRate(rate: number): void;
}

export interface AwsTestServer extends ServerDescription {
  configureRole(roleArn: string, config: RoleConfig): void;
  mintIdToken(claims?: Partial<IdTokenClaims>, options?: { badSignature?: boolean }): string;
  issueKeys(arn?: string): { accessKeyId: string; secretAccessKey: string };
  faults: FaultControls;
  readonly requests: readonly LoggedRequest[];
  clearLog(): void;
  close(): Promise<void>;
}
