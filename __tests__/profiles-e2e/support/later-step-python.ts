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

/** One Python process serving requests (serve_requests.py): one at a time, each timed from when it is sent. */
class ServingProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  /** Requests not sent yet; the first is in flight when `#current` is set. */
  readonly #queue: { line: string; answer: (line: string | Error) => void }[] = [];
  #current: ((line: string | Error) => void) | undefined;
  readonly #exited: Promise<void>;
  #stderr = '';
  /** Set once the process has exited or was killed as hung: it answers nothing more. */
  ended = false;

  constructor(args: string[]) {
    this.#child = spawn(PYTHON, args, {
      env: { PATH: '/usr/bin:/bin', PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString();
    });
    this.#child.stdin.on('error', () => undefined); // writing to a dead process: its exit is what reports it
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#finish(line));
    this.#exited = new Promise((resolve) => {
      const ended = (why: string) => {
        this.ended = true;
        const error = new Error(`the Python client ${why}:\n${this.#stderr}`);
        this.#current?.(error);
        for (const waiting of this.#queue.splice(0)) waiting.answer(error);
        resolve();
      };
      this.#child.on('error', (error) => ended(`failed: ${error.message}`));
      this.#child.on('close', () => ended('exited'));
    });
  }

  #finish(answer: string | Error): void {
    const current = this.#current;
    this.#current = undefined;
    current?.(answer);
    this.#sendNext();
  }

  #sendNext(): void {
    if (this.ended) return; // what is still queued fails when the exit is seen
    const next = this.#queue.shift();
    if (!next) return;
    const timer = setTimeout(() => {
      this.ended = true;
      this.#child.kill('SIGKILL');
      this.#finish(new Error(`the Python client did not answer within ${REQUEST_TIMEOUT_MS} ms`));
    }, REQUEST_TIMEOUT_MS);
    this.#current = (answer) => {
      clearTimeout(timer);
      next.answer(answer);
    };
    this.#child.stdin.write(next.line);
  }

  async ask<T>(request: Record<string, unknown>, env: Record<string, string>, cwd?: string): Promise<T> {
    if (this.ended) throw new Error(`the Python client has exited:\n${this.#stderr}`);
    const line = await new Promise<string | Error>((answer) => {
      this.#queue.push({
        line: `${JSON.stringify({ ...request, env, cwd: cwd ?? process.cwd() })}\n`,
        answer,
      });
      if (!this.#current) this.#sendNext();
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

/** The later-step clients of one test file; `close` it after the file's tests. A process that exited or hung
 * is replaced at the next request, so one hung call fails only its own test. */
export class LaterStepPython {
  #boto: ServingProcess | undefined;
  #cli: ServingProcess | undefined;

  /** The files as botocore parses them, and each profile used by boto3 (as `botocore` in clients.ts). */
  botocore(
    server: AwsTestServer,
    env: Record<string, string>,
    request: { profiles?: string[]; keys?: Keys[] },
  ): Promise<BotocoreReport> {
    if (!this.#boto || this.#boto.ended) this.#boto = new ServingProcess(BOTO3);
    return this.#boto.ask({ endpoint: server.stsEndpoint, ...request }, env);
  }

  /** `aws ARGS --output json` through the AWS CLI's own driver; no --region, so the profile's is used. */
  awsCli(args: string[], env: Record<string, string>, cwd?: string): Promise<ProcessResult> {
    if (!this.#cli || this.#cli.ended) this.#cli = new ServingProcess(AWS_CLI);
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
