// Peak resident memory of a child process: the reporter writes process.resourceUsage().maxRSS at exit.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPORTER = resolve(import.meta.dirname, 'peak-rss-reporter.cjs');
const FILE_ENV = 'BENCH_PEAK_RSS_FILE';
const KILOBYTE = 1024;

export interface PeakRssProbe {
  /** Env to give the child: NODE_OPTIONS preloading the reporter, and the file it writes. */
  readonly env: Record<string, string>;
  /** Peak RSS in bytes, once the child has exited. */
  read(): Promise<number>;
}

export interface PeakRssProbes {
  next(): PeakRssProbe;
  dispose(): Promise<void>;
}

export async function createPeakRssProbes(): Promise<PeakRssProbes> {
  const dir = await mkdtemp(join(tmpdir(), 'aar-bench-rss-'));
  let count = 0;
  return {
    next() {
      const file = join(dir, `${++count}.txt`);
      return {
        env: { NODE_OPTIONS: `--require ${JSON.stringify(REPORTER)}`, [FILE_ENV]: file },
        async read() {
          const text = await readFile(file, 'utf8').catch(() => {
            throw new Error(`the child wrote no peak RSS to ${file}: did it start with ${REPORTER}?`);
          });
          return Number(text) * KILOBYTE;
        },
      };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
