// The local AWS test server, with what the CLI needs to reach it.

import {
  type AwsTestServer,
  startAwsTestServer,
  type TestServerOptions,
} from '../../../testing/aws-test-server/index.ts';
import { type FreshHome, freshHome } from '../../../testing/e2e/processes.ts';

export const ROLE_ARN = 'arn:aws:iam::222222222222:role/deploy';
export const SESSION_NAME = 'e2e';
export const ASSUMED_ARN = `arn:aws:sts::222222222222:assumed-role/deploy/${SESSION_NAME}`;
export const REGION = 'us-east-1';

export interface FakeAws {
  readonly server: AwsTestServer;
  /** The test user's keys as AWS_* variables, for `--source env`. */
  readonly userEnv: Record<string, string>;
  /** Points the CLI's STS calls at the server. */
  readonly stsArgs: readonly string[];
  /** Every STS request so far with this action. */
  stsCalls(action: string): readonly AwsTestServer['requests'][number][];
}

export async function startFakeAws(options: TestServerOptions = {}): Promise<FakeAws> {
  const server = await startAwsTestServer(options);
  const { user } = server.identities;
  return {
    server,
    userEnv: { AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey },
    stsArgs: ['--sts-endpoint', server.stsEndpoint, '--region', REGION],
    stsCalls: (action) =>
      server.requests.filter((request) => request.target === 'sts' && request.action === action),
  };
}

/** A fresh server and a fresh HOME for one test, both removed afterwards. */
export async function withFakeAws(
  run: (aws: FakeAws, home: FreshHome) => Promise<void>,
  options: TestServerOptions = {},
): Promise<void> {
  const aws = await startFakeAws(options);
  const home = await freshHome();
  try {
    await run(aws, home);
  } finally {
    await home.remove();
    await aws.server.close();
  }
}

/** The CLI as a cached credential_process: the environment's keys, then ROLE_ARN on this fake AWS. */
export const cachedProcessArgs = (aws: FakeAws): string[] => [
  '--format',
  'process',
  '--cache',
  '--source',
  'env',
  '--role-arn',
  ROLE_ARN,
  ...aws.stsArgs,
];
