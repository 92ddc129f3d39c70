// Command line of `npm run bench`.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Measured runs per scenario and latency (and as many baseline runs, interleaved). */
  readonly runs: number;
  /** Runs of every scenario thrown away first, so disk caches and the JIT are warm for all alike. */
  readonly warmups: number;
  /** Markdown report to write; the same text goes to stdout. */
  readonly out: string;
  /** A local copy of configure-aws-credentials (its action.yml and dist/), raced side by side. */
  readonly incumbent?: string;
  /** Only these scenarios (ids), for a quick decision; the targets of the others say "not measured". */
  readonly only?: readonly string[];
}

export const DEFAULT_RUNS = 15;
export const DEFAULT_WARMUPS = 2;
export const DEFAULT_OUT = 'BENCHMARKS.md';

export const USAGE = `Usage: npm run bench -- [--runs N] [--warmups N] [--out FILE] [--incumbent DIR] [--only IDS]

Runs the committed dist/ through the runner harness against the local AWS test server.
  --runs N          measured runs per scenario and latency (default ${DEFAULT_RUNS})
  --warmups N       discarded runs of every scenario first (default ${DEFAULT_WARMUPS})
  --out FILE        where to write the report (default ${DEFAULT_OUT})
  --incumbent DIR   also run configure-aws-credentials from DIR (its action.yml and dist/), interleaved
                    with ours on the same server and Node; without it, its column says "not measured"
  --only IDS        only these scenarios, comma-separated (e.g. oidc,keys)`;

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

function count(value: string | undefined, name: string, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < least)
    throw new BenchUsageError(`--${name} must be a whole number of at least ${least}, got '${value}'`);
  return Number(value);
}

function nonEmpty(value: string, name: string): string {
  if (!value.trim()) throw new BenchUsageError(`--${name} needs a value`);
  return value;
}

/** Undefined for --help. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | undefined {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return undefined;
  return {
    runs: count(values.runs, 'runs', DEFAULT_RUNS, 1),
    warmups: count(values.warmups, 'warmups', DEFAULT_WARMUPS, 0),
    out: values.out ?? DEFAULT_OUT,
    ...(values.incumbent === undefined ? {} : { incumbent: nonEmpty(values.incumbent, 'incumbent') }),
    ...(values.only === undefined ? {} : { only: nonEmpty(values.only, 'only').split(',') }),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      runs: { type: 'string' },
      warmups: { type: 'string' },
      out: { type: 'string' },
      incumbent: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
}
