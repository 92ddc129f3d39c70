// GetCallerIdentity with the JS SDK v3 two ways; the endpoint is argv[2]. Prints {"js": ARN|error, "jsDirect": …}.
// js: the default chain (fromNodeProviderChain). jsDirect: what amazon-ecr-login v2.1.0 does, fromHttp()
// whenever AWS_CONTAINER_CREDENTIALS_FULL_URI is set, else the default chain.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromHttp, fromNodeProviderChain } from '@aws-sdk/credential-providers';

const endpoint = process.argv[2];
async function callerArn(credentials) {
  const client = new STSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  try {
    return { arn: (await client.send(new GetCallerIdentityCommand({}))).Arn };
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}
const direct = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI ? fromHttp() : fromNodeProviderChain();
const [js, jsDirect] = await Promise.all([callerArn(fromNodeProviderChain()), callerArn(direct)]);
process.stdout.write(JSON.stringify({ js, jsDirect }));
