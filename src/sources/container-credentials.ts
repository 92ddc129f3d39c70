import { SourceError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import {
  HttpTimeoutError,
  httpRequest,
  isTransientNetworkError,
  METADATA_MAX_BODY_BYTES,
} from '../net/http-request.ts';
import { type RetryVerdict, withRetry } from '../net/retry.ts';
import { containerAuthorization, containerCredentialsUrl } from './container-endpoint.ts';
import { type MetadataCredentials, parseMetadataCredentials } from './metadata-answer.ts';
import type { SourceContext, SourceProvider } from './source.ts';

export { containerCredentialsConfigured } from './container-endpoint.ts';

const TIMEOUT_MS = 2000; // the agent is on the same host or link; slower means it is not there

class AgentStatusError extends Error {
  override name = 'AgentStatusError';
  readonly status: number;
  constructor(status: number) {
    super(`the agent answered ${status}`);
    this.status = status;
  }
}

/** The agent's 5xx, 429 and resets are worth another attempt; a refusal (403) or silence is not. */
function classify(error: unknown): RetryVerdict {
  if (error instanceof AgentStatusError)
    return error.status >= 500 || error.status === 429 ? 'retry' : 'fail';
  if (error instanceof HttpTimeoutError) return 'fail'; // the agent is local: silence means it is not there
  return isTransientNetworkError(error) ? 'retry' : 'fail';
}

/**
 * ECS, CodeBuild and EKS Pod Identity credentials. Fetched with a hard time limit on each attempt:
 * the SDK's provider only warns when the agent never answers, and the step would hang.
 */
export function fromContainerCredentials(context: SourceContext): SourceProvider {
  const { env, logger } = context;
  const fetchIdentity = async (): Promise<Identity> => {
    const url = containerCredentialsUrl(env);
    const attempt = async (_: number, signal: AbortSignal) => {
      const authorization = await containerAuthorization(env);
      const response = await httpRequest(url.href, {
        headers: authorization ? { authorization } : {},
        timeoutMs: TIMEOUT_MS,
        timeoutSetting: null, // fixed: no variable lengthens it
        maxBodyBytes: METADATA_MAX_BODY_BYTES,
        signal,
        agents: context.directAgents,
      });
      if (response.status !== 200) throw new AgentStatusError(response.status);
      return parseMetadataCredentials(
        response.body,
        `the agent at ${url.host}`,
        (secret) => logger.mask(secret),
        env,
      );
    };
    let credentials: MetadataCredentials;
    try {
      credentials = await withRetry(attempt, context.retry, classify);
    } catch (error) {
      if (error instanceof SourceError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SourceError(
        'container',
        `could not get credentials from ${url.host}${url.pathname}: ${reason}`,
        'Check the task role (ECS, CodeBuild) or the Pod Identity association (EKS), and that the authorization token is readable',
      );
    }
    return { credentials, isRoleSession: true, description: `container credentials from ${url.host}` };
  };
  return async () => ({ kind: 'credentials', identity: await fetchIdentity(), renew: fetchIdentity });
}
