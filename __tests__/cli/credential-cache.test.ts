import assert from 'node:assert/strict';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import {
  CacheError,
  cacheKey,
  DEFAULT_RENEW_BEFORE_MS,
  readCachedCredentials,
  writeCachedCredentials,
} from '../../src/cli/cache/cache-store.ts';
import type { AwsCredentials } from '../../src/credentials.ts';

const MINUTE = 60_000;
const CACHED_AT = new Date('2030-01-01T00:00:00.000Z');
const at = (minutes: number) => new Date(CACHED_AT.getTime() + minutes * MINUTE);
const ONE_HOUR: AwsCredentials = {
  accessKeyId: 'ASIACACHED',
  secretAccessKey: 'cached-secret',
  sessionToken: 'cached-token',
  expiration: at(60),
};
const KEY = cacheKey({ source: 'profile', chain: ['arn:aws:iam::123456789012:role/deploy'], duration: 3600 });
const isPosix = process.platform !== 'win32';

let root: string;
let cacheDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'credential-cache-'));
  cacheDir = join(root, 'cache', 'assume-aws-role');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('a cache hit gives back the credentials as written', async () => {
  assert.equal(await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT), true);
  assert.deepEqual(await readCachedCredentials(cacheDir, KEY, at(10)), ONE_HOUR);
});

test('credentials without a session token round-trip without one', async () => {
  const creds = { accessKeyId: 'A', secretAccessKey: 'S', expiration: at(60) };
  await writeCachedCredentials(cacheDir, KEY, creds, CACHED_AT);
  assert.deepEqual(await readCachedCredentials(cacheDir, KEY, at(1)), creds);
});

test('a missing directory or file is a miss', async () => {
  assert.equal(await readCachedCredentials(cacheDir, KEY, CACHED_AT), undefined);
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  assert.equal(await readCachedCredentials(cacheDir, cacheKey({ other: true }), CACHED_AT), undefined);
});

test('expired credentials are a miss', async () => {
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  assert.equal(await readCachedCredentials(cacheDir, KEY, at(61)), undefined);
});

test('by default credentials are renewed once less than 15 minutes remain', async () => {
  assert.equal(DEFAULT_RENEW_BEFORE_MS, 15 * MINUTE);
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  assert.deepEqual(await readCachedCredentials(cacheDir, KEY, at(44)), ONE_HOUR);
  assert.equal(await readCachedCredentials(cacheDir, KEY, at(45)), undefined);
});

test('a caller-chosen renewal window applies', async () => {
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  assert.deepEqual(await readCachedCredentials(cacheDir, KEY, at(54), 5 * MINUTE), ONE_HOUR);
  assert.equal(await readCachedCredentials(cacheDir, KEY, at(55), 5 * MINUTE), undefined);
});

test('a short session is still cached for the first half of its life', async () => {
  const fifteenMinutes = { ...ONE_HOUR, expiration: at(15) };
  await writeCachedCredentials(cacheDir, KEY, fifteenMinutes, CACHED_AT);
  assert.deepEqual(await readCachedCredentials(cacheDir, KEY, at(7)), fifteenMinutes);
  assert.equal(await readCachedCredentials(cacheDir, KEY, at(7.5)), undefined);
});

test('credentials without an expiration are not cached', async () => {
  assert.equal(
    await writeCachedCredentials(cacheDir, KEY, { accessKeyId: 'A', secretAccessKey: 'S' }),
    false,
  );
  assert.equal(await readCachedCredentials(cacheDir, KEY, CACHED_AT), undefined);
});

const CORRUPT: [string, string][] = [
  ['not JSON', '{"Version":1,'],
  ['JSON that is not an object', '"hello"'],
  [
    'another version',
    JSON.stringify({
      Version: 2,
      CachedAt: at(0),
      AccessKeyId: 'A',
      SecretAccessKey: 'S',
      Expiration: at(60),
    }),
  ],
  ['no secret', JSON.stringify({ Version: 1, CachedAt: at(0), AccessKeyId: 'A', Expiration: at(60) })],
  [
    'a token that is not a string',
    JSON.stringify({
      Version: 1,
      CachedAt: at(0),
      AccessKeyId: 'A',
      SecretAccessKey: 'S',
      SessionToken: 5,
      Expiration: at(60),
    }),
  ],
  ['no expiration', JSON.stringify({ Version: 1, CachedAt: at(0), AccessKeyId: 'A', SecretAccessKey: 'S' })],
  [
    'a bad date',
    JSON.stringify({
      Version: 1,
      CachedAt: at(0),
      AccessKeyId: 'A',
      SecretAccessKey: 'S',
      Expiration: 'soon',
    }),
  ],
  [
    'an expiration before it was cached',
    JSON.stringify({
      Version: 1,
      CachedAt: at(90),
      AccessKeyId: 'A',
      SecretAccessKey: 'S',
      Expiration: at(60),
    }),
  ],
];

for (const [what, content] of CORRUPT) {
  test(`a cache file with ${what} is a miss, and the next write replaces it`, async () => {
    await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
    await writeFile(join(cacheDir, `${KEY}.json`), content);
    assert.equal(await readCachedCredentials(cacheDir, KEY, at(1)), undefined);
    await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
    assert.deepEqual(await readCachedCredentials(cacheDir, KEY, at(1)), ONE_HOUR);
  });
}

test('the cache directory is 0700 and the file 0600, whatever the umask', {
  skip: !isPosix && 'POSIX modes only',
}, async () => {
  const previous = process.umask(0o000);
  try {
    await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  } finally {
    process.umask(previous);
  }
  assert.equal((await lstat(cacheDir)).mode & 0o777, 0o700);
  assert.equal((await lstat(join(cacheDir, `${KEY}.json`))).mode & 0o777, 0o600);
});

test('an existing directory with wider permissions is tightened to 0700', {
  skip: !isPosix && 'POSIX modes only',
}, async () => {
  await mkdir(cacheDir, { recursive: true });
  await chmod(cacheDir, 0o755);
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  assert.equal((await lstat(cacheDir)).mode & 0o777, 0o700);
});

test('a write leaves no temporary file behind', async () => {
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  await writeCachedCredentials(cacheDir, KEY, { ...ONE_HOUR, accessKeyId: 'ASIANEWER' }, CACHED_AT);
  assert.deepEqual(await readdir(cacheDir), [`${KEY}.json`]);
  assert.equal((await readCachedCredentials(cacheDir, KEY, at(1)))?.accessKeyId, 'ASIANEWER');
});

test('a symlinked cache directory is refused for reading and writing', {
  skip: skipOn.symlinks(),
}, async () => {
  const elsewhere = join(root, 'elsewhere');
  await mkdir(elsewhere, { mode: 0o700 });
  await mkdir(join(root, 'cache'));
  await symlink(elsewhere, cacheDir);
  await assert.rejects(
    writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT),
    isCacheError(/symbolic link/),
  );
  await assert.rejects(readCachedCredentials(cacheDir, KEY, CACHED_AT), isCacheError(/symbolic link/));
  assert.deepEqual(await readdir(elsewhere), []);
});

test('a symlinked cache file is refused for reading and writing, and its target is untouched', {
  skip: skipOn.symlinks(),
}, async () => {
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  const planted = join(root, 'planted.json');
  const plantedText = await readFile(join(cacheDir, `${KEY}.json`), 'utf8');
  await writeFile(planted, plantedText);
  await rm(join(cacheDir, `${KEY}.json`));
  await symlink(planted, join(cacheDir, `${KEY}.json`));
  await assert.rejects(readCachedCredentials(cacheDir, KEY, at(1)), isCacheError(/symbolic link/));
  await assert.rejects(
    writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT),
    isCacheError(/symbolic link/),
  );
  assert.equal(await readFile(planted, 'utf8'), plantedText);
  assert.deepEqual(await readdir(cacheDir), [`${KEY}.json`]);
});

const canChown = process.getuid?.() === 0;
test('a cache file owned by another user is refused', {
  skip: !canChown && 'needs root to chown',
}, async () => {
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  await chown(join(cacheDir, `${KEY}.json`), 4242, 4242);
  await assert.rejects(readCachedCredentials(cacheDir, KEY, at(1)), isCacheError(/owned by uid 4242/));
});

test('a cache directory owned by another user is refused', {
  skip: !canChown && 'needs root to chown',
}, async () => {
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  await chown(cacheDir, 4242, 4242);
  await assert.rejects(
    writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT),
    isCacheError(/owned by uid 4242/),
  );
});

test('a key that is not a cacheKey hash is refused, so it cannot name another path', async () => {
  await assert.rejects(readCachedCredentials(cacheDir, '../../etc/passwd', CACHED_AT), TypeError);
  await assert.rejects(writeCachedCredentials(cacheDir, 'short', ONE_HOUR), TypeError);
});

test('the cache key ignores object key order but not values or array order', () => {
  const parts = { source: 'imds', chain: ['a', 'b'], tags: [{ key: 'k', value: 'v' }], duration: 900 };
  const reordered = { duration: 900, tags: [{ value: 'v', key: 'k' }], chain: ['a', 'b'], source: 'imds' };
  assert.match(cacheKey(parts), /^[0-9a-f]{64}$/);
  assert.equal(cacheKey(parts), cacheKey(reordered));
  assert.equal(cacheKey(parts), cacheKey({ ...parts, externalId: undefined }));
  assert.notEqual(cacheKey(parts), cacheKey({ ...parts, chain: ['b', 'a'] }));
  assert.notEqual(cacheKey(parts), cacheKey({ ...parts, duration: 901 }));
  assert.notEqual(cacheKey(parts), cacheKey({ ...parts, region: 'eu-west-1' }));
});

test('the cache key refuses parts that have no stable JSON form', () => {
  assert.throws(() => cacheKey({ duration: Number.NaN }), TypeError);
  assert.throws(() => cacheKey({ f: () => 1 }), TypeError);
  assert.throws(() => cacheKey({ n: 1n }), TypeError);
});

function isCacheError(message: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof CacheError && message.test(error.message);
}

test('a cache entry larger than any entry is refused, never read whole', async () => {
  await writeCachedCredentials(cacheDir, KEY, ONE_HOUR, CACHED_AT);
  await writeFile(join(cacheDir, `${KEY}.json`), 'x'.repeat(64 * 1024 + 1), { mode: 0o600 });
  await assert.rejects(
    readCachedCredentials(cacheDir, KEY, at(1)),
    isCacheError(/larger than any cache entry/),
  );
});
