// The inputs configure-aws-credentials takes for the same step as ours: its own input names.
import type { AwsTestServer } from '../testing/aws-test-server/index.ts';

export function incumbentInputs(
  server: AwsTestServer,
  roleArn: string,
  source: 'keys' | 'oidc',
): Record<string, string> {
  return {
    'aws-region': 'us-east-1',
    'role-to-assume': roleArn,
    'sts-endpoint': server.stsEndpoint,
    ...(source === 'keys'
      ? {
          'aws-access-key-id': server.identities.user.accessKeyId,
          'aws-secret-access-key': server.identities.user.secretAccessKey,
        }
      : {}),
  };
}
