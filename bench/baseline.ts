// The baseline: `node -e 0` on the Node that runs the action, spawned as the harness spawns a phase.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface BaselineRun {
  readonly wallMs: number;
}

export function runBaseline(env: Record<string, string>): Promise<BaselineRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code === 0) resolve({ wallMs });
      else reject(new Error(`node -e 0 exited ${code}: ${Buffer.concat(stderr).toString('utf8')}`));
    });
  });
}
