// The machine a report was measured on, so figures from different machines are not compared blindly.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly kernel: string;
  readonly node: string;
  /** The Node that runs the action and the baseline (the harness spawns process.execPath), as nodeLabel names it. */
  readonly nodePath: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  readonly loadAtStart: number;
  readonly date: Date;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((text) => /^model name\s*:/.test(text));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: fall back to what os reports
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** A Node binary named without the machine's directories: relative to the repository, or by file name. */
export function nodeLabel(execPath: string, root: string = ROOT): string {
  const inside = relative(root, execPath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return basename(execPath);
  return inside.split(sep).join('/');
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    kernel: `${process.platform} ${release()}`,
    node: process.version,
    nodePath: nodeLabel(process.execPath),
    loadAtStart: loadavg()[0] ?? 0,
    date: new Date(),
  };
}

export const loadNow = (): number => loadavg()[0] ?? 0;
