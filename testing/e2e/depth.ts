// Two depths of end-to-end testing. `npm test` runs one case per path; the deep tier (`npm run test:deep`,
// which CI also runs) runs every row of each table and the cases that only vary a path already covered.
import { test } from 'node:test';

/** Set by scripts/test.ts for the deep tier. */
export const DEPTH_ENV = 'ASSUME_AWS_ROLE_TEST_DEPTH';
export const DEEP = process.env[DEPTH_ENV] === 'deep';

/** Every row in the deep tier; otherwise the rows `core` keeps (by default the first): one case per path. */
export function rowsFor<T>(
  all: readonly T[],
  core: (row: T, index: number) => boolean = (_, i) => i === 0,
): T[] {
  return DEEP ? [...all] : all.filter(core);
}

/** A test that varies a path `npm test` already covers: it runs only in the deep tier. */
export const deepTest: typeof test = DEEP ? test : ((() => undefined) as unknown as typeof test);
