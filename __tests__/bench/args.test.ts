import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BenchUsageError,
  DEFAULT_OUT,
  DEFAULT_RUNS,
  DEFAULT_WARMUPS,
  parseBenchArgs,
} from '../../bench/args.ts';

test('defaults to 15 runs after 2 warm-ups, written to BENCHMARKS.md', () => {
  assert.deepEqual(parseBenchArgs([]), { runs: DEFAULT_RUNS, warmups: DEFAULT_WARMUPS, out: DEFAULT_OUT });
  assert.equal(DEFAULT_RUNS, 15);
  assert.equal(DEFAULT_WARMUPS, 2);
});

test('takes --runs, --warmups and --out', () => {
  assert.deepEqual(parseBenchArgs(['--runs', '5', '--warmups=0', '--out', 'x.md']), {
    runs: 5,
    warmups: 0,
    out: 'x.md',
  });
});

test('--help asks for the usage instead of a run', () => {
  assert.equal(parseBenchArgs(['--help']), undefined);
});

for (const argv of [
  ['--runs', '0'],
  ['--runs', '2.5'],
  ['--runs', 'many'],
  ['--warmups', '-1'],
  ['--fast'],
]) {
  test(`refuses ${argv.join(' ')}`, () => assert.throws(() => parseBenchArgs(argv), BenchUsageError));
}

test('takes --incumbent DIR and --only IDS', () => {
  assert.deepEqual(parseBenchArgs(['--incumbent', 'some/dir', '--only', 'oidc,keys']), {
    runs: DEFAULT_RUNS,
    warmups: DEFAULT_WARMUPS,
    out: DEFAULT_OUT,
    incumbent: 'some/dir',
    only: ['oidc', 'keys'],
  });
});

for (const argv of [
  ['--incumbent', ''],
  ['--only', ' '],
]) {
  test(`refuses an empty ${argv[0]}`, () => assert.throws(() => parseBenchArgs(argv), BenchUsageError));
}
