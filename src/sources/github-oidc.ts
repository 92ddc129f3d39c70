import { SourceError } from '../errors.ts';
import { httpRequest, isTransientNetworkError } from '../net/http-request.ts';
import { type RetryVerdict, withRetry } from '../net/retry.ts';
import type { SourceContext, SourceProvider } from './source.ts';

export const OIDC_URL_ENV = 'ACTIONS_ID_TOKEN_REQUEST_URL';
export const OIDC_TOKEN_ENV = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
const PERMISSION_FIX =
  "Give the job 'permissions: id-token: write' (a job-level permissions block replaces the defaults, so list contents: read too)";

export function oidcAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env[OIDC_URL_ENV] && env[OIDC_TOKEN_ENV]);
}

export interface OidcOptions extends SourceContext {
  /** The `aud` claim to ask for (sts.amazonaws.com unless the trust policy expects another). */
  readonly audience: string;
}

class OidcStatusError extends Error {
  override name = 'OidcStatusError';
  readonly status: number;
  constructor(status: number, body: string) {
    super(`the token endpoint answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.status = status;
  }
}

function classify(error: unknown): RetryVerdict {
  if (error instanceof OidcStatusError) {
    if (error.status === 429) return 'throttle';
    return error.status >= 500 ? 'retry' : 'fail';
  }
  return isTransientNetworkError(error) ? 'retry' : 'fail';
}

/**
 * GitHub's OIDC token for AssumeRoleWithWebIdentity. Unlike the toolkit's client, network errors
 * and 429 are retried too, and each call gets a fresh token.
 */
export function fromGitHubOidc(options: OidcOptions): SourceProvider {
  const { env, logger, audience } = options;
  const context = options;
  const requestToken = async () => {
    const url = env[OIDC_URL_ENV];
    const bearer = env[OIDC_TOKEN_ENV];
    if (!url || !bearer) {
      throw new SourceError(
        'oidc',
        `${OIDC_URL_ENV} and ${OIDC_TOKEN_ENV} are not set, so no ID token can be requested`,
        PERMISSION_FIX,
      );
    }
    const target = `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    try {
      const response = await withRetry(
        async () => {
          const answer = await httpRequest(target, {
            headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
            timeoutMs: context.retry.requestTimeoutMs,
            agents: context.proxyAgents,
          });
          if (answer.status !== 200) throw new OidcStatusError(answer.status, answer.body);
          return answer.body;
        },
        context.retry,
        classify,
        ({ attempt, error }) =>
          logger.debug(`oidc: token request attempt ${attempt} failed (${String(error)}), retrying`),
      );
      const token = (JSON.parse(response) as { value?: unknown }).value;
      if (typeof token !== 'string' || !token) throw new Error('the token endpoint returned no token');
      logger.mask(token);
      return token;
    } catch (error) {
      if (error instanceof SourceError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SourceError('oidc', `could not get a GitHub OIDC token: ${reason}`, fixFor(error));
    }
  };
  return async () => ({
    kind: 'web-identity',
    token: requestToken,
    description: `GitHub OIDC token (audience ${audience})`,
  });
}

function fixFor(error: unknown): string {
  if (error instanceof OidcStatusError && (error.status === 401 || error.status === 403)) {
    return `The runner refused the request token. ${PERMISSION_FIX}`;
  }
  if (error instanceof OidcStatusError || error instanceof SyntaxError) {
    return "GitHub's token endpoint did not answer as expected after retries; rerun the job";
  }
  return 'The token endpoint could not be reached after retries: check HTTPS_PROXY / NO_PROXY on the runner, then rerun';
}
