import { fromHttp } from '@aws-sdk/credential-providers';
import { SourceError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { type RetryVerdict, withRetry } from '../net/retry.ts';
import type { SourceContext, SourceProvider } from './source.ts';

const TIMEOUT_MS = 2000; // the agent is on the same host or link; slower means it is not there
/** fromHttp wraps every failure into a message: the agent's status, or the network error as text. */
const STATUS_PATTERN = /responded with status: (\d{3})/;
const NETWORK_PATTERN = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|socket hang up|timeout/i;

/** The agent's 5xx, 429 and network faults are worth another attempt; a refusal (403) or bad answer is not. */
function classify(error: unknown): RetryVerdict {
  const message = error instanceof Error ? error.message : String(error);
  const status = STATUS_PATTERN.exec(message)?.[1];
  if (status !== undefined) return Number(status) >= 500 || status === '429' ? 'retry' : 'fail';
  return NETWORK_PATTERN.test(message) ? 'retry' : 'fail';
}

export function containerCredentialsConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
}

/** ECS, CodeBuild and EKS Pod Identity credentials, through the SDK's own HTTP provider. */
export function fromContainerCredentials(context: SourceContext): SourceProvider {
  const { env } = context;
  const where =
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI ??
    `169.254.170.2${env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ?? ''}`;
  const fetchIdentity = async (): Promise<Identity> => {
    if (!containerCredentialsConfigured(env)) {
      throw new SourceError(
        'container',
        'neither AWS_CONTAINER_CREDENTIALS_FULL_URI nor AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set',
        'Run the job in an ECS task, CodeBuild, or an EKS pod with Pod Identity, or choose another source',
      );
    }
    // fromHttp's own retries wait a fixed `timeout` between attempts and retry refusals too: ours instead.
    // A new provider per attempt, since each one closes its connections when it is done.
    const attempt = () =>
      fromHttp({
        awsContainerCredentialsFullUri: env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
        awsContainerCredentialsRelativeUri: env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
        awsContainerAuthorizationToken: env.AWS_CONTAINER_AUTHORIZATION_TOKEN,
        awsContainerAuthorizationTokenFile: env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE,
        timeout: TIMEOUT_MS,
        maxRetries: 0,
      })();
    try {
      const credentials = await withRetry(attempt, context.retry, classify);
      context.logger.mask(credentials.accessKeyId);
      context.logger.mask(credentials.secretAccessKey);
      if (credentials.sessionToken) context.logger.mask(credentials.sessionToken);
      return {
        credentials: {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
          expiration: credentials.expiration,
        },
        isRoleSession: true,
        description: `container credentials from ${where}`,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SourceError(
        'container',
        `could not get credentials from ${where}: ${reason}`,
        'Check the task role (ECS, CodeBuild) or the Pod Identity association (EKS), and that the authorization token is readable',
      );
    }
  };
  return async () => ({ kind: 'credentials', identity: await fetchIdentity(), renew: fetchIdentity });
}
