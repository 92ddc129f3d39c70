// Splits unit files into shards of about equal running time. Each run records how long every file took
// (the slowest-files reporter appends to TEST_TIMES_FILE); the next run balances by those times, and by
// the file's size where it has none yet (a fresh clone).
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TEST_TIMES_ENV = 'TEST_TIMES_FILE';
const DIR = join(resolve(import.meta.dirname, '..'), 'node_modules', '.cache', 'assume-aws-role');
const TIMES = join(DIR, 'test-times.json');
/** Where this run's reporters append `ms<TAB>file` lines. */
export const RUN_TIMES = join(DIR, `test-times-${process.pid}.tsv`);
/** About how many milliseconds a byte of test source takes, for files with no recorded time. */
const MS_PER_BYTE = 0.05;

function recordedTimes(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(TIMES, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** `times`: milliseconds per file from earlier runs; a file without one is weighed by its size. */
export function shards(
  files: readonly string[],
  count: number,
  times: Record<string, number> = recordedTimes(),
): string[][] {
  const out = Array.from({ length: count }, () => ({ ms: 0, files: [] as string[] }));
  const weighed = files
    .map((file) => ({ file, ms: times[file] ?? statSync(file).size * MS_PER_BYTE }))
    .sort((a, b) => b.ms - a.ms);
  for (const { file, ms } of weighed) {
    const lightest = out.reduce((a, b) => (b.ms < a.ms ? b : a));
    lightest.ms += ms;
    lightest.files.push(file);
  }
  return out.filter((shard) => shard.files.length > 0).map((shard) => shard.files.sort());
}

export function startRecording(): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(RUN_TIMES, '');
}

/** Folds this run's times into the record the next run balances by. */
export function keepRecordedTimes(): void {
  const times = recordedTimes();
  for (const line of readFileSync(RUN_TIMES, 'utf8').split('\n')) {
    const [ms, file] = line.split('\t');
    if (file) times[file] = Math.round(Number(ms));
  }
  writeFileSync(TIMES, `${JSON.stringify(times, null, 1)}\n`);
  rmSync(RUN_TIMES, { force: true });
}

/** For the reporter: appends one file's time to the run's record, if the runner asked for one. */
export function recordTime(file: string, ms: number): void {
  const record = process.env[TEST_TIMES_ENV];
  if (record) appendFileSync(record, `${ms}\t${file}\n`);
}
