// boto3 and the AWS CLI as later steps of a job, answered by long-lived Python processes (one for boto3, one
// for the AWS CLI, each started on first use) instead of one process per call: a start costs more CPU (~1 s
// for boto3, ~2 s for the AWS CLI) than the call. Each request runs with exactly the environment and working
// directory given, as a step's process would.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AwsTestServer } from '../../../testing/aws-test-server/index.ts';
import { PYTHON } from '../../../testing/system-tools.ts';
import { awsCliCallerArn, type BotocoreReport, type Keys, type ProcessResult } from './clients.ts';

const BOTO3 = [join(import.meta.dirname, 'botocore-profiles.py'), '--serve'];
const AWS_CLI = [join(import.meta.dirname, 'aws-cli-driver.py')];
/** An AWS CLI call plus one credential_process run take about a second; far longer is hung. */
const REQUEST_TIMEOUT_MS = 20_000;
const EXIT_GRACE_MS = 2_000;

/** One Python process serving requests (serve_requests.py), one at a time, in order. */
class ServingProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting: ((line: string | Error) => void)[] = [];
  readonly #exited: Promise<void>;
  #stderr = '';

  constructor(args: string[]) {
    this.#child = spawn(PYTHON, args, {
      env: { PATH: '/usr/bin:/bin', PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString();
    });
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#waiting.shift()?.(line));
    this.#exited = new Promise((resolve) => {
      const ended = (why: string) => {
        for (const waiter of this.#waiting.splice(0))
          waiter(new Error(`the Python client ${why}:\n${this.#stderr}`));
        resolve();
      };
      this.#child.on('error', (error) => ended(`failed: ${error.message}`));
      this.#child.on('close', () => ended('exited'));
    });
  }

  async ask<T>(request: Record<string, unknown>, env: Record<string, string>, cwd?: string): Promise<T> {
    const line = await new Promise<string | Error>((resolve) => {
      const timer = setTimeout(() => {
        resolve(new Error(`the Python client did not answer within ${REQUEST_TIMEOUT_MS} ms`));
        this.#child.kill('SIGKILL');
      }, REQUEST_TIMEOUT_MS);
      this.#waiting.push((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.#child.stdin.write(`${JSON.stringify({ ...request, env, cwd: cwd ?? process.cwd() })}\n`);
    });
    if (line instanceof Error) throw line;
    const answer = JSON.parse(line) as T & { failed?: string };
    if (answer.failed !== undefined) throw new Error(`the Python client failed: ${answer.failed}`);
    return answer;
  }

  async close(): Promise<void> {
    this.#child.stdin.end(); // the process exits at the end of its input
    const killer = setTimeout(() => this.#child.kill('SIGKILL'), EXIT_GRACE_MS);
    await this.#exited;
    clearTimeout(killer);
  }
}

/** The later-step clients of one test file; `close` it after the file's tests. */
export class LaterStepPython {
  #boto: ServingProcess | undefined;
  #cli: ServingProcess | undefined;

  /** The files as botocore parses them, and each profile used by boto3 (as `botocore` in clients.ts). */
  botocore(
    server: AwsTestServer,
    env: Record<string, string>,
    request: { profiles?: string[]; keys?: Keys[] },
  ): Promise<BotocoreReport> {
    this.#boto ??= new ServingProcess(BOTO3);
    return this.#boto.ask({ endpoint: server.stsEndpoint, ...request }, env);
  }

  /** `aws ARGS --output json` through the AWS CLI's own driver; no --region, so the profile's is used. */
  awsCli(args: string[], env: Record<string, string>, cwd?: string): Promise<ProcessResult> {
    this.#cli ??= new ServingProcess(AWS_CLI);
    return this.#cli.ask({ aws: [...args, '--output', 'json'] }, env, cwd);
  }

  /** `aws sts get-caller-identity [--profile NAME]` (as `awsCliCallerArn` in clients.ts): the ARN or the failure. */
  awsCliCallerArn(
    server: AwsTestServer,
    profile: string | undefined,
    env: Record<string, string>,
    cwd?: string,
  ): Promise<string> {
    return awsCliCallerArn(server, profile, env, cwd, (args, env, cwd) => this.awsCli(args, env, cwd));
  }

  async close(): Promise<void> {
    await Promise.all([this.#boto?.close(), this.#cli?.close()]);
  }
}
