// Clients nobody on this project wrote (the AWS CLI, botocore, the JS SDK), pointed at the test server.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import { AWS_CLI, PYTHON } from '../../testing/system-tools.ts';

const BOTOCORE_CLIENT = join(import.meta.dirname, 'botocore-client.py');

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An environment with no trace of the user's real AWS setup, and a fresh HOME. */
async function isolatedEnv(extra: Record<string, string>): Promise<{ env: NodeJS.ProcessEnv; home: string }> {
  const home = await mkdtemp(join(tmpdir(), 'aws-test-server-home-'));
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    ...extra,
  };
  return { env, home };
}

function runProcess(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

/** Runs `aws ARGS --endpoint-url URL --region us-east-1 --output json` with the given keys. */
export async function awsCli(
  server: AwsTestServer,
  keys: Keys | undefined,
  args: string[],
): Promise<ProcessResult> {
  const credentials: Record<string, string> = keys
    ? { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey }
    : {};
  if (keys?.sessionToken) credentials.AWS_SESSION_TOKEN = keys.sessionToken;
  const { env, home } = await isolatedEnv(credentials);
  try {
    const flags = ['--endpoint-url', server.stsEndpoint, '--region', 'us-east-1', '--output', 'json'];
    return await runProcess(AWS_CLI, [...args, ...flags], env);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** One botocore step; see botocore-client.py. */
export type BotocoreStep = { name: string; op: string } & Record<string, unknown>;

export interface BotocoreResult {
  Arn?: string;
  Account?: string;
  UserId?: string;
  Role?: string;
  Credentials?: { AccessKeyId: string; SecretAccessKey: string; SessionToken?: string };
  Error?: string;
  Message?: string;
  Status?: number;
}

/** Runs all steps in one Python process (each start costs ~0.3 s) and returns each step's result by name. */
export async function botocore(
  server: AwsTestServer,
  steps: BotocoreStep[],
): Promise<Record<string, BotocoreResult>> {
  const { env, home } = await isolatedEnv({});
  try {
    const input = JSON.stringify({ endpoint: server.stsEndpoint, steps });
    const result = await runProcess(PYTHON, [BOTOCORE_CLIENT], env, input);
    if (result.code !== 0) throw new Error(`botocore client failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** The JS SDK's STS client with no retries, so each call is exactly one request. */
export function jsSts(server: AwsTestServer, keys?: Keys): STSClient {
  return new STSClient({
    endpoint: server.stsEndpoint,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: keys ?? { accessKeyId: 'unused', secretAccessKey: 'unused' },
  });
}

/** The error a promise rejects with, as code, message and HTTP status. */
export async function stsFailure(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { code: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

export function userKeys(server: AwsTestServer): Keys {
  const { accessKeyId, secretAccessKey } = server.identities.user;
  return { accessKeyId, secretAccessKey };
}
