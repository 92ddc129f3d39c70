// Runs the tests: `unit` (no build, no end-to-end suite), `e2e` (builds src/ once, then the end-to-end
// suites against that build) or `all`. Files after the kind narrow the run to them.
// End-to-end suites live in folders named *-e2e; they run a build of the current source, never dist/.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ensureTestBuild, TEST_BUILD_ENV } from '../testing/e2e/test-build.ts';

const KINDS = ['unit', 'e2e', 'all'] as const;
type Kind = (typeof KINDS)[number];
/** End-to-end files mostly wait on child processes and loopback servers, so more run than there are cores. */
const CONCURRENCY = Math.max(4, availableParallelism() * 2);

/** A test still running after this is hung: it fails, and the run goes on. */
const TEST_TIMEOUT_MS = 120_000;

const isEndToEnd = (file: string): boolean => /(^|[\\/])[\w-]+-e2e[\\/]/.test(file);
/** Suites that start dozens of processes at once: run after the others, alone, or they measure them. */
const RUN_ALONE = ['__tests__/reliability-e2e/load.test.ts'];
const runsAlone = (file: string): boolean => RUN_ALONE.includes(file.replaceAll('\\', '/'));

const [kindArg = 'all', ...only] = process.argv.slice(2);
if (!KINDS.includes(kindArg as Kind)) {
  console.error(`usage: node scripts/test.ts [${KINDS.join('|')}] [test files…]`);
  process.exit(2);
}
const kind = kindArg as Kind;
const candidates = only.length > 0 ? only : globSync('__tests__/**/*.test.ts').sort();
const files = candidates.filter((file) => kind === 'all' || isEndToEnd(file) === (kind === 'e2e'));
if (files.length === 0) {
  console.error(`no ${kind} test files among: ${candidates.join(' ')}`);
  process.exit(2);
}

const env = { ...process.env };
if (files.some(isEndToEnd)) env[TEST_BUILD_ENV] = await ensureTestBuild((line) => console.log(line));

const reporters = [
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${import.meta.dirname}/slowest-files-reporter.ts`,
  '--test-reporter-destination=stdout',
];
const runFiles = (batch: readonly string[], concurrency: number): number =>
  batch.length === 0
    ? 0
    : (spawnSync(
        process.execPath,
        [
          '--test',
          `--test-concurrency=${concurrency}`,
          `--test-timeout=${TEST_TIMEOUT_MS}`,
          ...reporters,
          ...batch,
        ],
        { stdio: 'inherit', env },
      ).status ?? 1);
const together = runFiles(
  files.filter((file) => !runsAlone(file)),
  CONCURRENCY,
);
const alone = runFiles(files.filter(runsAlone), 1);
process.exitCode = together || alone;
