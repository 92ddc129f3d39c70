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
import { join } from 'node:path';
import { DEPTH_ENV } from '../testing/e2e/depth.ts';
import { TEST_BUILD_ENV } from '../testing/e2e/test-build.ts';
import { keepRecordedTimes, RUN_TIMES, shards, startRecording, TEST_TIMES_ENV } from './test-shards.ts';

const KINDS = ['unit', 'e2e', 'all', 'deep'] as const;
type Kind = (typeof KINDS)[number];
/** End-to-end files mostly wait on child processes and loopback servers, so more run than there are cores. */
const CONCURRENCY = Math.max(4, availableParallelism() * 2);
/** Unit files share a process per shard: starting a process per file cost more than most files' tests. */
const UNIT_SHARDS = Math.max(4, availableParallelism() * 2);
/** End-to-end files share processes too (none changes the process's environment), more of them: they wait. */
const E2E_SHARDS = Math.max(6, availableParallelism() * 3);
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
// Test processes compile the same test helpers and server again and again: V8's cache keeps that work.
// The action and the CLI under test run with an environment of their own, without it.
env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, '..', 'node_modules', '.cache', 'assume-aws-role', 'v8');
if (kind === 'deep') {
  env.PROFILES_FUZZ_RUNS ??= DEEP_FUZZ_RUNS;
  env[DEPTH_ENV] = 'deep';
} else env[TEST_TIMES_ENV] = RUN_TIMES; // the deep tier's longer runs would skew the unit shards' balance

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

/** Builds src/ for the end-to-end files in a process of its own, while the unit tests already run. */
function buildForTests(): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '..', 'testing', 'e2e', 'test-build.ts')],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`test build failed (${code})`)),
    );
  });
}

const unitFiles = kind === 'deep' ? [] : files.filter((file) => !isEndToEnd(file) && !isDeep(file));
const sharedEndToEnd = kind === 'deep' ? [] : files.filter((file) => isEndToEnd(file) && !isDeep(file));
const processFiles = files.filter((file) => !unitFiles.includes(file) && !sharedEndToEnd.includes(file));
startRecording();
console.log(
  `running ${unitFiles.length} unit files in ${UNIT_SHARDS} processes, ${sharedEndToEnd.length} end-to-end ` +
    `files in ${E2E_SHARDS}, ${processFiles.length} in their own`,
);
const unitRuns = shards(unitFiles, UNIT_SHARDS).map((shard, index) =>
  run(`unit shard ${index + 1}`, shard, ['--test-isolation=none']),
);
const endToEndRuns = (async () => {
  if (files.some(isEndToEnd)) env[TEST_BUILD_ENV] = await buildForTests();
  return Promise.all([
    ...shards(sharedEndToEnd, E2E_SHARDS).map((shard, index) =>
      run(`end-to-end shard ${index + 1}`, shard, ['--test-isolation=none']),
    ),
    run(
      'one process per file',
      processFiles.filter((file) => !runsAlone(file)),
      [`--test-concurrency=${CONCURRENCY}`],
    ),
  ]);
})();
const codes = [...(await Promise.all(unitRuns)), ...(await endToEndRuns)];
codes.push(await run('alone', processFiles.filter(runsAlone), ['--test-concurrency=1']));
keepRecordedTimes();
process.exitCode = codes.find((code) => code !== 0) ?? 0;
