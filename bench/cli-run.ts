// The CLI as a person runs it: keys in the environment, one role, credentials printed for sh.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AwsTestServer } from '../testing/aws-test-server/index.ts';
import type { Job } from '../testing/runner-harness/index.ts';
import type { TimedResult } from './scenarios.ts';

export function runCli(
  job: Job,
  server: AwsTestServer,
  actionDir: string,
  roleArn: string,
  extraEnv: Record<string, string>,
): Promise<TimedResult> {
  const args = [
    '--source',
    'env',
    '--role-arn',
    roleArn,
    '--sts-endpoint',
    server.stsEndpoint,
    '--format',
    'sh',
  ];
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: job.home,
    AWS_ACCESS_KEY_ID: server.identities.user.accessKeyId,
    AWS_SECRET_ACCESS_KEY: server.identities.user.secretAccessKey,
    ...extraEnv,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(actionDir, 'dist', 'cli.js'), ...args], {
      cwd: job.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const durationMs = performance.now() - started;
      const problem =
        code !== 0
          ? `exit ${code}\n${stderr}`
          : stdout.includes('export AWS_ACCESS_KEY_ID=')
            ? undefined
            : `printed no AWS_ACCESS_KEY_ID for sh:\n${stdout}`;
      resolve({ durationMs, problem });
    });
  });
}
