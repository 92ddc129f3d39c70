import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shards } from '../../scripts/test-shards.ts';

const FILES = ['__tests__/a.test.ts', '__tests__/b.test.ts', '__tests__/c.test.ts', '__tests__/d.test.ts'];

describe('unit shards', () => {
  const cases: { name: string; times: Record<string, number>; count: number; expected: string[][] }[] = [
    {
      name: 'the longest file alone, the rest together',
      times: {
        [FILES[0] as string]: 900,
        [FILES[1] as string]: 300,
        [FILES[2] as string]: 300,
        [FILES[3] as string]: 200,
      },
      count: 2,
      expected: [[FILES[0] as string], [FILES[1], FILES[2], FILES[3]] as string[]],
    },
    {
      name: 'equal times spread evenly',
      times: Object.fromEntries(FILES.map((file) => [file, 100])),
      count: 2,
      expected: [[FILES[0], FILES[2]] as string[], [FILES[1], FILES[3]] as string[]],
    },
    {
      name: 'no more shards than files',
      times: Object.fromEntries(FILES.map((file) => [file, 100])),
      count: 6,
      expected: FILES.map((file) => [file]),
    },
  ];
  for (const { name, times, count, expected } of cases)
    test(name, () => assert.deepEqual(shards(FILES, count, times), expected));

  test('weighs a file with no recorded time by its size, and places every file once', () => {
    const real = ['__tests__/scripts/test-shards.test.ts', 'scripts/test.ts', 'package.json'];
    const split = shards(real, 2, {});
    assert.deepEqual(split.flat().sort(), [...real].sort());
  });
});
