import assert from 'node:assert/strict';

/** Runs a source to its result, and checks it: the error matched, or a result when none is expected. */
export async function assertSourceOutcome(
  run: Promise<unknown>,
  expected: { error?: RegExp; notError?: RegExp },
): Promise<void> {
  const outcome = await run.then(
    () => ({ error: undefined }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  if (expected.error) {
    assert.ok(outcome.error !== undefined, 'the source failed');
    assert.match(outcome.error, expected.error);
    if (expected.notError) assert.doesNotMatch(outcome.error, expected.notError);
  } else assert.equal(outcome.error, undefined);
}
