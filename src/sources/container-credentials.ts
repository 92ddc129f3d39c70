import { fromHttp } from '@aws-sdk/credential-providers';
import { SourceError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { SourceContext, SourceProvider } from './source.ts';

const TIMEOUT_MS = 2000; // the agent is on the same host or link; slower means it is not there

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
    const provider = fromHttp({
      awsContainerCredentialsFullUri: env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
      awsContainerCredentialsRelativeUri: env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
      awsContainerAuthorizationToken: env.AWS_CONTAINER_AUTHORIZATION_TOKEN,
      awsContainerAuthorizationTokenFile: env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE,
      timeout: TIMEOUT_MS,
      maxRetries: Math.max(0, context.retry.maxAttempts - 1),
    });
    try {
      const credentials = await provider();
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
