// Runs the built CLI (and the tools that consume its output) as separate processes, asynchronously:
// the test process serves the local AWS test server meanwhile.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { builtCli } from './test-build.ts';

export { AWS_CLI, FISH, PYTHON, SCRIPT } from '../system-tools.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = builtCli();
export const NODE = process.execPath;
const PROCESS_TIMEOUT_MS = 20_000;

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ProcessOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Written to stdin, which is then closed; without it, stdin is /dev/null. */
  readonly input?: string;
}

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly result: Promise<ProcessResult>;
  /** Resolves once stdout contains `text`. */
  waitForStdout(text: string): Promise<void>;
}

export function startProcess(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
  options: ProcessOptions = {},
): RunningProcess {
  const stdin = options.input === undefined ? 'ignore' : 'pipe';
  const child = spawn(file, args, { env, cwd: options.cwd ?? REPO_ROOT, stdio: [stdin, 'pipe', 'pipe'] });
  child.stdin?.end(options.input);
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const waiter of waiters.filter((w) => stdout.includes(w.text))) waiter.resolve();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const result = new Promise<ProcessResult>((resolvePromise, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? PROCESS_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    result,
    waitForStdout: (text) =>
      new Promise((resolveWait) => {
        if (stdout.includes(text)) resolveWait();
        else waiters.push({ text, resolve: resolveWait });
      }),
  };
}

export function runProcess(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
  options?: ProcessOptions,
): Promise<ProcessResult> {
  return startProcess(file, args, env, options).result;
}

/** `node dist/cli.js ARGS`, as a person or a tool runs it. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<ProcessResult> {
  return runProcess(NODE, [CLI, ...args], env);
}

export interface FreshHome {
  readonly home: string;
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

/**
 * A fresh HOME and a minimal environment: PATH (this Node first, then the system) and HOME, never
 * the developer's AWS_* variables or ~/.aws. IMDS is off, so nothing probes 169.254.169.254.
 */
export async function freshHome(): Promise<FreshHome> {
  const home = await mkdtemp(join(tmpdir(), 'aar-cli-e2e.'));
  const env = {
    PATH: [dirname(NODE), '/usr/bin', '/bin'].join(delimiter),
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    // Fail fast: the test server answers at once, and no test expects a retry.
    ASSUME_AWS_ROLE_RETRY_BASE_MS: '1',
    // Some tests issue sessions of seconds; the 5-minute refusal is proved in __tests__/hostile.
    ASSUME_AWS_ROLE_MIN_VALIDITY_MS: '0',
  };
  return { home, env, remove: () => rm(home, { recursive: true, force: true }) };
}

export function installed(path: string): boolean {
  return existsSync(path);
}

/** Single quotes for sh and bash. */
export function shQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** What a key, secret or token looks like: a long run of base64 characters. */
const SECRET_LOOKING = /[A-Za-z0-9+/]{40,}/;

/** Fails when `text` contains any of `secrets`, or anything shaped like one. */
export function secretsIn(text: string, secrets: readonly string[]): string[] {
  const found = secrets.filter((secret) => secret !== '' && text.includes(secret));
  const shaped = SECRET_LOOKING.exec(text);
  return shaped ? [...found, shaped[0]] : found;
}
