// `--format process --cache` under the parallel calls SDKs make: one STS call per cache entry, and
// nothing in the cache directory (a held lock, a corrupt or planted entry) ever breaks a call.
import assert from 'node:assert/strict';
import { readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEEP, rowsFor, runCli } from '../../testing/e2e/index.ts';
import { cachedProcessArgs, withFakeAws } from './support/fake-aws.ts';

/** Four calls already race for the one lock; the deep tier runs eight, as an SDK's worker pool might. */
const PARALLEL_CALLS = DEEP ? 8 : 4;

/** The one entry's name (its key) in the cache directory, after a first call made it. */
async function entryKey(cacheDir: string): Promise<string> {
  const entries = (await readdir(cacheDir)).filter((name) => name.endsWith('.json'));
  assert.equal(entries.length, 1, `one cache entry: ${entries.join(', ')}`);
  return (entries[0] ?? '').slice(0, -'.json'.length);
}

describe('credential cache under parallel calls', { concurrency: true }, () => {
  test(`${PARALLEL_CALLS} parallel calls with the same arguments make exactly one AssumeRole`, () =>
    withFakeAws(async (aws, home) => {
      const env = { ...home.env, ...aws.userEnv };
      const results = await Promise.all(
        Array.from({ length: PARALLEL_CALLS }, () => runCli(cachedProcessArgs(aws), env)),
      );
      for (const result of results) assert.equal(result.code, 0, result.stderr);
      assert.equal(aws.stsCalls('AssumeRole').length, 1);
      const keys = new Set(results.map((result) => JSON.parse(result.stdout).AccessKeyId));
      assert.equal(keys.size, 1, 'every call hands out the same cached credentials');
      const cacheDir = join(home.home, '.cache', 'assume-aws-role');
      assert.deepEqual(
        (await readdir(cacheDir)).filter((name) => name.endsWith('.lock')),
        [],
        'no lock is left behind',
      );
    }));

  test('a lock held by a live process past the wait is not waited for: the call goes to STS, with a warning', () =>
    withFakeAws(async (aws, home) => {
      const env = { ...home.env, ...aws.userEnv, ASSUME_AWS_ROLE_CACHE_LOCK_WAIT_MS: '100' };
      assert.equal((await runCli(cachedProcessArgs(aws), env)).code, 0);
      const cacheDir = join(home.home, '.cache', 'assume-aws-role');
      const key = await entryKey(cacheDir);
      await rm(join(cacheDir, `${key}.json`)); // a miss, so the call wants the lock
      // This test process is alive, so its lock is never stale.
      const owner = JSON.stringify({ pid: process.pid, host: hostname(), token: 'held-by-the-test' });
      await writeFile(join(cacheDir, `${key}.lock`), owner, { mode: 0o600 });

      const result = await runCli(cachedProcessArgs(aws), env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /going to STS without waiting for other calls/);
      assert.equal(aws.stsCalls('AssumeRole').length, 2);
    }));

  const PLANTED = [
    {
      what: 'a corrupt entry',
      plant: (path: string) => writeFile(path, '{"Version": 1, "AccessKeyId": ', { mode: 0o600 }),
    },
    { what: 'an entry that is a symbolic link', plant: (path: string) => symlink('/dev/null', path) },
    {
      what: 'a corrupt lock',
      plant: (path: string) => writeFile(`${path.slice(0, -'.json'.length)}.lock`, '\0garbage'),
    },
  ];
  // The cache's unit tests already refuse a corrupt or symlinked entry; `npm test` keeps the corrupt lock.
  for (const { what, plant } of rowsFor(PLANTED, ({ what }) => what === 'a corrupt lock')) {
    test(`${what} never breaks a call`, () =>
      withFakeAws(async (aws, home) => {
        const env = { ...home.env, ...aws.userEnv, ASSUME_AWS_ROLE_CACHE_LOCK_WAIT_MS: '5000' };
        assert.equal((await runCli(cachedProcessArgs(aws), env)).code, 0);
        const cacheDir = join(home.home, '.cache', 'assume-aws-role');
        const entry = join(cacheDir, `${await entryKey(cacheDir)}.json`);
        await rm(entry);
        await plant(entry);

        const result = await runCli(cachedProcessArgs(aws), env);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(JSON.parse(result.stdout).Version, 1);
        assert.equal(aws.stsCalls('AssumeRole').length, 2);
      }));
  }
});
