// Runs the tests. Kinds:
// - `unit`: in-process tests, no build; the edit loop.
// - `e2e`: the end-to-end suites (folders named *-e2e), against one build of the current source, never dist/.
// - `all`: both, side by side; what `npm test` runs.
// - `deep`: files named *.deep.test.ts (the cross-client matrices and stress runs), every row of the
//   end-to-end tables that `npm test` samples (testing/e2e/depth.ts), and the property tests at
//   DEEP_FUZZ_RUNS runs: minutes long, so CI runs them, not `npm test`.
// Files after the kind narrow the run to them.
import { spawn } from 'node:child_process';
import { globSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DEPTH_ENV } from '../testing/e2e/depth.ts';
import { ensureTestBuild, TEST_BUILD_ENV } from '../testing/e2e/test-build.ts';
import { keepRecordedTimes, RUN_TIMES, shards, startRecording, TEST_TIMES_ENV } from './test-shards.ts';

const KINDS = ['unit', 'e2e', 'all', 'deep'] as const;
type Kind = (typeof KINDS)[number];
/** End-to-end files mostly wait on child processes and loopback servers, so more run than there are cores. */
const CONCURRENCY = Math.max(4, availableParallelism() * 2);
/** Unit files share a process per shard: starting a process per file cost more than most files' tests. */
const UNIT_SHARDS = Math.max(4, availableParallelism() * 2);
/** A test still running after this is hung: it fails, and the run goes on. */
const TEST_TIMEOUT_MS = 120_000;

const slash = (file: string): string => file.replaceAll('\\', '/');
const isEndToEnd = (file: string): boolean => /(^|\/)[\w-]+-e2e\//.test(slash(file));
const isDeep = (file: string): boolean => slash(file).endsWith('.deep.test.ts');
const isProperty = (file: string): boolean => slash(file).endsWith('.property.test.ts');
/** An end-to-end file with rows or cases that only the deep tier runs. */
const hasDeepRows = (file: string): boolean =>
  isEndToEnd(file) && /\b(rowsFor|deepTest)\(/.test(readFileSync(file, 'utf8'));
/** The profile property tests' runs in the deep tier (PROFILES_FUZZ_RUNS; `npm test` runs their default). */
const DEEP_FUZZ_RUNS = '200';
/** Suites that start dozens of processes at once: run after the others, alone, or they measure them. */
const RUN_ALONE = ['__tests__/reliability-e2e/load.deep.test.ts'];
const runsAlone = (file: string): boolean => RUN_ALONE.includes(slash(file));

const [kindArg = 'all', ...only] = process.argv.slice(2);
if (!KINDS.includes(kindArg as Kind)) {
  console.error(`usage: node scripts/test.ts [${KINDS.join('|')}] [test files…]`);
  process.exit(2);
}
const kind = kindArg as Kind;
const candidates = only.length > 0 ? only : globSync('__tests__/**/*.test.ts').sort();
const inKind: Record<Kind, (file: string) => boolean> = {
  unit: (file) => !isDeep(file) && !isEndToEnd(file),
  e2e: (file) => !isDeep(file) && isEndToEnd(file),
  all: (file) => !isDeep(file),
  deep: (file) => isDeep(file) || isProperty(file) || hasDeepRows(file),
};
const files = candidates.filter(inKind[kind]);
if (files.length === 0) {
  console.error(`no ${kind} test files among: ${candidates.join(' ')}`);
  process.exit(2);
}

const env = { ...process.env };
if (kind === 'deep') {
  env.PROFILES_FUZZ_RUNS ??= DEEP_FUZZ_RUNS;
  env[DEPTH_ENV] = 'deep';
} else env[TEST_TIMES_ENV] = RUN_TIMES; // the deep tier's longer runs would skew the unit shards' balance
if (files.some(isEndToEnd)) env[TEST_BUILD_ENV] = await ensureTestBuild((line) => console.log(line));

const reporters = [
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${import.meta.dirname}/slowest-files-reporter.ts`,
  '--test-reporter-destination=stdout',
];

/** One `node --test` run, its output held back until it ends, so runs side by side do not interleave. */
function run(title: string, batch: readonly string[], flags: readonly string[]): Promise<number> {
  if (batch.length === 0) return Promise.resolve(0);
  const args = ['--test', `--test-timeout=${TEST_TIMEOUT_MS}`, ...flags, ...reporters, ...batch];
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString('utf8');
      process.stdout.write(`\n=== ${title}: ${batch.length} files, ${seconds} s ===\n${text}`);
      resolve(code ?? 1);
    });
  });
}

const unitFiles = kind === 'deep' ? [] : files.filter((file) => !isEndToEnd(file) && !isDeep(file));
const processFiles = files.filter((file) => !unitFiles.includes(file));
startRecording();
console.log(
  `running ${unitFiles.length} unit files in ${UNIT_SHARDS} processes, ${processFiles.length} in their own`,
);
const codes = await Promise.all([
  ...shards(unitFiles, Math.min(UNIT_SHARDS, unitFiles.length)).map((shard, index) =>
    run(`unit shard ${index + 1}`, shard, ['--test-isolation=none']),
  ),
  run(
    'one process per file',
    processFiles.filter((file) => !runsAlone(file)),
    [`--test-concurrency=${CONCURRENCY}`],
  ),
]);
codes.push(await run('alone', processFiles.filter(runsAlone), ['--test-concurrency=1']));
keepRecordedTimes();
process.exitCode = codes.find((code) => code !== 0) ?? 0;
