// Runs one phase's script under this process's Node, asynchronously (the test process may be
// serving the fake AWS endpoints), and kills it at the timeout.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** A phase that needs longer than this is hung: the real action talks only to local fakes in tests. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface SpawnOptions {
  env: Record<string, string>;
  cwd: string;
  timeoutMs?: number;
}

export interface SpawnResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
}

export function spawnNode(entry: string, options: SpawnOptions): Promise<SpawnResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // A grandchild holding the pipes open must not keep the phase from ending.
      child.stdout.destroy();
      child.stderr.destroy();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        timedOut,
        durationMs: performance.now() - started,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** The runner runs `using: nodeNN` with Node NN; the harness reuses its own Node, so they must agree. */
export function assertRuntime(using: string): void {
  const match = /^node(\d+)$/.exec(using);
  if (match === null) throw new Error(`runs.using '${using}' is not a node runtime`);
  const running = process.versions.node.split('.')[0];
  if (running !== match[1]) {
    throw new Error(`action.yml wants ${using} but the harness runs under Node ${process.versions.node}`);
  }
}
