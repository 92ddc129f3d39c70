import type { Identity } from '../identity.ts';
import type { Logger } from '../logger.ts';
import type { Agents } from '../net/agents.ts';
import type { RetryPolicy } from '../net/retry.ts';

/** Where a chain starts: credentials in hand, or a web identity token for AssumeRoleWithWebIdentity. */
export type SourceStart = CredentialsStart | WebIdentityStart;

export interface CredentialsStart {
  readonly kind: 'credentials';
  readonly identity: Identity;
  /** Fetches new source credentials after STS said ExpiredToken; absent when the source cannot renew. */
  readonly renew?: () => Promise<Identity>;
  /**
   * The identity's ARN came from the service that issued the credentials (Roles Anywhere's CreateSession),
   * so no GetCallerIdentity is needed to name it.
   */
  readonly arnIssued?: boolean;
}

export interface WebIdentityStart {
  readonly kind: 'web-identity';
  /** Reads or requests a token; each call gets a fresh one. */
  readonly token: () => Promise<string>;
  readonly description: string;
}

/** What every source gets; nothing here comes from @actions/core. */
export interface SourceContext {
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** For endpoints that may sit behind a proxy (GitHub's OIDC endpoint). */
  readonly proxyAgents: Agents;
  /** For link-local endpoints (IMDS, container credentials). */
  readonly directAgents: Agents;
  readonly retry: RetryPolicy;
  /** Asks a person for an MFA code (CLI at a terminal); absent where nobody can answer. */
  readonly mfaCodeProvider?: (serial: string) => Promise<string>;
  /**
   * Loads the reader of existing profiles (the CLI's --source-profile). The action never reads one, so
   * only the CLI's bundle holds it, with the SDK's whole profile resolution (SSO, login, processes).
   */
  readonly loadSharedProfile?: () => Promise<SharedProfileReader>;
}

/** What sources/shared-profile.ts exports, named here so that this file does not import it. */
export interface SharedProfileReader {
  fromSharedProfile(
    options: Pick<SourceContext, 'logger' | 'mfaCodeProvider'> & { readonly profile: string | undefined },
  ): SourceProvider;
}

/** What only the CLI gives a run's sources. */
export type CliSourceExtras = Pick<SourceContext, 'mfaCodeProvider' | 'loadSharedProfile'>;

export type SourceProvider = () => Promise<SourceStart>;
