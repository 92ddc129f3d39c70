import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentials } from '../credentials.ts';
import type { StsConfig } from './sts-config.ts';

const USER_AGENT = 'assume-aws-role';

/**
 * An STS client signed by exactly the given credentials: never the SDK's default chain, so ambient
 * AWS_* variables, AWS_PROFILE or ~/.aws can never sign a call made for another source.
 * Retries are ours (see retry.ts), so the SDK makes one attempt per call.
 */
export function createStsClient(config: StsConfig, credentials: AwsCredentials | 'unsigned'): STSClient {
  return new STSClient({
    region: config.region,
    endpoint: config.endpoint,
    credentials:
      credentials === 'unsigned'
        ? { accessKeyId: '', secretAccessKey: '' } // AssumeRoleWithWebIdentity is sent unsigned
        : credentials,
    maxAttempts: 1,
    // The endpoint is settled by the settings (input, then AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL): an
    // endpoint_url in ~/.aws/config must never redirect calls signed with this source's credentials.
    ignoreConfiguredEndpointUrls: true,
    customUserAgent: USER_AGENT,
    requestHandler: {
      httpAgent: config.agents.http,
      httpsAgent: config.agents.https,
      connectionTimeout: config.retry.requestTimeoutMs,
      requestTimeout: config.retry.requestTimeoutMs,
      // Without this the SDK only warns on stderr and keeps waiting: a hung STS would hang the step.
      throwOnRequestTimeout: true,
    },
  });
}
