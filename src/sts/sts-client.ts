import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentials } from '../credentials.ts';
import type { StsConfig } from './sts-config.ts';

const USER_AGENT = 'assume-aws-role';

/**
 * An STS client signed by exactly the given credentials: never the SDK's default chain, so ambient
 * AWS_* variables, AWS_PROFILE or ~/.aws can never sign a call made for another source.
 * Retries are ours (see retry.ts), so the SDK makes one attempt per call.
 *
 * Every setting the SDK would otherwise look up in ~/.aws/config is given here, from the environment
 * and the inputs only: a run that writes no profile reads no shared file (which may be a FIFO, or huge).
 */
export function createStsClient(config: StsConfig, credentials: AwsCredentials | 'unsigned'): STSClient {
  const env = process.env;
  return new STSClient({
    region: config.region,
    endpoint: config.endpoint,
    credentials:
      credentials === 'unsigned'
        ? { accessKeyId: '', secretAccessKey: '' } // AssumeRoleWithWebIdentity is sent unsigned
        : credentials,
    maxAttempts: 1,
    retryMode: 'standard',
    defaultsMode: 'standard',
    // The endpoint is settled by the settings (input, then AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL): an
    // endpoint_url in ~/.aws/config must never redirect calls signed with this source's credentials.
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: flag(env.AWS_USE_FIPS_ENDPOINT),
    useDualstackEndpoint: flag(env.AWS_USE_DUALSTACK_ENDPOINT),
    authSchemePreference: [],
    sigv4aSigningRegionSet: [],
    userAgentAppId: async () => env.AWS_SDK_UA_APP_ID || undefined,
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

const flag = (value: string | undefined): boolean => value?.trim().toLowerCase() === 'true';
