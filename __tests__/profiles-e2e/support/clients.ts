// Clients nobody on this project wrote (the AWS CLI v2, boto3/botocore, the JS SDK's file loader), reading
// the profiles a job wrote as a later step of that job would: HOME is the job's, nothing else of AWS is set.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsTestServer } from '../../../testing/aws-test-server/index.ts';
import type { Job } from '../../../testing/runner-harness/index.ts';
import { AWS_CLI, PYTHON } from '../../../testing/system-tools.ts';

const BOTOCORE_SCRIPT = join(import.meta.dirname, 'botocore-profiles.py');
/** An AWS CLI start plus one credential_process run take about a second; far longer is hung. */
const CLIENT_TIMEOUT_MS = 20_000;

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * The environment of a later `run:` step that uses a profile: the job's HOME (so ~/.aws is the job's),
 * instance metadata off, no pager, no AWS_* credentials, our CLI's minimum validity off. `extra` adds
 * what such a step would also have (RUNNER_TEMP, the OIDC request variables, an IMDS endpoint).
 */
export function clientEnv(job: Job, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: '/usr/bin:/bin',
    HOME: job.home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    // A credential_process the client starts runs our CLI; some suites issue sessions of seconds,
    // and the 5-minute refusal is proved in __tests__/hostile.
    ASSUME_AWS_ROLE_MIN_VALIDITY_MS: '0',
    ...extra,
  };
}

function run(
  file: string,
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string; cwd?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const settings = { env, cwd: options.cwd, timeout: CLIENT_TIMEOUT_MS };
    const child = execFile(file, args, settings, (error, stdout, stderr) => {
      // Killed at the timeout, a client exits 1 with nothing on stderr: say so, so a hang is not a mystery.
      const killed = error?.killed ? `\n(killed: not done within ${CLIENT_TIMEOUT_MS} ms)` : '';
      resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr: `${stderr}${killed}` });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}

/** `aws ARGS`; no --region, so the profile's own region is what the CLI uses. */
export function awsCli(args: string[], env: Record<string, string>, cwd?: string): Promise<ProcessResult> {
  return run(AWS_CLI, [...args, '--output', 'json'], env, { cwd });
}

/**
 * `aws sts get-caller-identity --profile NAME` against the test server: the ARN, or a failure. Without a
 * name, the CLI picks the profile itself (AWS_PROFILE in `env`, else default). `run` runs the CLI (by
 * default a process of its own).
 */
export async function awsCliCallerArn(
  server: AwsTestServer,
  profile: string | undefined,
  env: Record<string, string>,
  cwd?: string,
  run: typeof awsCli = awsCli,
): Promise<string> {
  const choice = profile === undefined ? [] : ['--profile', profile];
  const args = ['sts', 'get-caller-identity', ...choice, '--endpoint-url', server.stsEndpoint];
  const result = await run(args, env, cwd);
  if (result.code !== 0) return `failed (${result.code}): ${result.stderr.trim()}`;
  return (JSON.parse(result.stdout) as { Arn: string }).Arn;
}

export type Parsed = Record<string, Record<string, unknown>>;

export interface BotocoreReport {
  parsed: {
    credentials: Parsed & { error?: string };
    config: { profiles: Parsed; error?: string };
  };
  profiles: Record<string, { arn: string; accessKeyId: string; region: string | null } | { error: string }>;
  keys: ({ arn: string } | { error: string })[];
}

/** One Python process (each start costs ~0.3 s): the files as botocore parses them, and each profile used. */
export async function botocore(
  server: AwsTestServer,
  env: Record<string, string>,
  request: { profiles?: string[]; keys?: Keys[] },
): Promise<BotocoreReport> {
  const input = JSON.stringify({ endpoint: server.stsEndpoint, ...request });
  const result = await run(PYTHON, [BOTOCORE_SCRIPT], { ...env, PYTHONUTF8: '1' }, { stdin: input });
  if (result.code !== 0) throw new Error(`botocore client failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as BotocoreReport;
}

/** The ARN boto3 gets from GetCallerIdentity with profile `name`, or the failure as text. */
export function botoArn(report: BotocoreReport, name: string): string {
  const result = report.profiles[name];
  if (!result) return 'not asked';
  return 'arn' in result ? result.arn : `failed: ${result.error}`;
}

export interface SdkFiles {
  credentialsFile: Parsed;
  configFile: Parsed;
}

/** The two files as the JS SDK loads them (its own parser, no cache). */
export async function sdkFiles(paths: { credentials: string; config: string }): Promise<SdkFiles> {
  return (await loadSharedConfigFiles({
    filepath: paths.credentials,
    configFilepath: paths.config,
    ignoreCache: true,
  })) as SdkFiles;
}

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
/** The JS SDK as a later step's Node script would use it: fromIni for the profile, then GetCallerIdentity. */
const JS_SDK_SCRIPT = `
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
const [profile, endpoint] = process.argv.slice(1);
const sts = new STSClient({ endpoint, region: 'us-east-1', maxAttempts: 1, credentials: fromIni({ profile }) });
console.log((await sts.send(new GetCallerIdentityCommand({}))).Arn);
`;

/** The ARN the JS SDK (which runs credential_process through a shell) gets with the profile, or a failure. */
export async function jsSdkCallerArn(
  server: AwsTestServer,
  profile: string,
  env: Record<string, string>,
): Promise<string> {
  const args = ['--input-type=module', '-e', JS_SDK_SCRIPT, profile, server.stsEndpoint];
  // From the repository, so that the script finds the SDK in node_modules.
  const result = await run(process.execPath, args, env, { cwd: REPO_ROOT });
  return result.code === 0 ? result.stdout.trim() : `failed (${result.code}): ${result.stderr.trim()}`;
}
