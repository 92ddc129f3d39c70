import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RENAME_BACKOFF_MS, type RenameDeps, renameWithRetry } from '../../src/files/rename-with-retry.ts';

/** A rename that fails with `code` the first `failures` times, recording calls and sleeps. */
function flakyFs(code: string, failures: number, platform: NodeJS.Platform) {
  const calls: string[] = [];
  const sleeps: number[] = [];
  const deps: RenameDeps = {
    platform,
    rename: async (from, to) => {
      calls.push(`${from}->${to}`);
      if (calls.length <= failures) throw Object.assign(new Error(`${code}: held`), { code });
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  return { deps, calls, sleeps };
}

describe('rename with retry', () => {
  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    test(`on Windows, retries ${code} with a growing wait until the holder lets go`, async () => {
      const fs = flakyFs(code, 3, 'win32');
      await renameWithRetry('a.tmp', 'a', fs.deps);
      assert.equal(fs.calls.length, 4);
      assert.deepEqual(fs.sleeps, [10, 20, 40]);
    });
  }

  test('on Windows, gives up after the bounded backoff and throws the last error', async () => {
    const fs = flakyFs('EBUSY', 1000, 'win32');
    await assert.rejects(renameWithRetry('a.tmp', 'a', fs.deps), { code: 'EBUSY' });
    assert.equal(fs.calls.length, RENAME_BACKOFF_MS.length + 1);
    assert.deepEqual(fs.sleeps, RENAME_BACKOFF_MS);
    const total = RENAME_BACKOFF_MS.reduce((sum, ms) => sum + ms, 0);
    assert.ok(total >= 2000 && total <= 5000, `total wait ${total} ms stays a few seconds`);
  });

  for (const platform of ['linux', 'darwin'] as const) {
    test(`on ${platform}, EACCES is a real permission problem: no retry`, async () => {
      const fs = flakyFs('EACCES', 1, platform);
      await assert.rejects(renameWithRetry('a.tmp', 'a', fs.deps), { code: 'EACCES' });
      assert.equal(fs.calls.length, 1);
      assert.deepEqual(fs.sleeps, []);
    });
  }

  test('on Windows, an error a retry cannot fix (ENOENT) is thrown at once', async () => {
    const fs = flakyFs('ENOENT', 1, 'win32');
    await assert.rejects(renameWithRetry('a.tmp', 'a', fs.deps), { code: 'ENOENT' });
    assert.equal(fs.calls.length, 1);
  });
});
