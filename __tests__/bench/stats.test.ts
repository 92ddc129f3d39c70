import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantile, summarize } from '../../bench/stats.ts';

test('the median of an odd count is the middle value, whatever the order', () => {
  assert.equal(summarize([9, 1, 5]).median, 5);
});

test('the median of an even count lies halfway between the two middle values', () => {
  assert.equal(summarize([4, 1, 3, 2]).median, 2.5);
});

test('p10 and p90 interpolate between neighbours; min and max are the extremes', () => {
  const summary = summarize([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
  assert.deepEqual(summary, { n: 11, min: 10, p10: 20, median: 60, p90: 100, max: 110 });
  assert.equal(quantile([0, 10], 0.25), 2.5);
});

test('one value is its own median and spread', () => {
  assert.deepEqual(summarize([7]), { n: 1, min: 7, p10: 7, median: 7, p90: 7, max: 7 });
});

for (const [name, run] of [
  ['no values', () => summarize([])],
  ['a NaN', () => summarize([1, Number.NaN])],
  ['a quantile above 1', () => quantile([1, 2], 1.5)],
] as const) {
  test(`refuses ${name}`, () => assert.throws(run, RangeError));
}
