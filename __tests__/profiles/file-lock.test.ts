import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fakeCredentials, tempHome } from '../../__fixtures__/profiles/temp-home.ts';
import { acquireLock, lockPathFor, releaseLock, withFileLocks } from '../../src/profiles/file-lock.ts';
import { STALE_LOCK_MS, writeProfiles } from '../../src/profiles/index.ts';

const ci = { name: 'ci', credentials: fakeCredentials(1) };
/** A pid that certainly belonged to a process that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid as number;
const lockBy = (pid: number, host = hostname()): string => JSON.stringify({ pid, host, token: 'theirs' });

test('times out with an error naming the lock, its owner and the fix', async (t) => {
  const { paths } = await tempHome(t);
  await mkdir(dirname(paths.credentialsFile));
  // The test runner that started this file: alive, on this host, and not this process.
  await writeFile(lockPathFor(paths.credentialsFile), lockBy(process.ppid));
  await assert.rejects(writeProfiles(paths, [ci], { overwrite: false, lockTimeoutMs: 150 }), {
    name: 'ProfileFileError',
    message: new RegExp(
      `^${lockPathFor(paths.credentialsFile)}: process ${process.ppid} on ${hostname()} has held this lock for \\d+ ms ` +
        '\\(waited 150 ms\\)\\. Retry when it is done; if no assume-aws-role process is running, delete the lock file$',
    ),
  });
  // It gave back the lock it already held (the config file's: locks are taken in sorted order), wrote nothing.
  assert.deepEqual(await readdir(dirname(paths.credentialsFile)), ['credentials.assume-aws-role.lock']);
});

test('takes over a lock that names this very process: a dead writer whose pid this process was given', async (t) => {
  const { paths } = await tempHome(t);
  await mkdir(dirname(paths.credentialsFile));
  await writeFile(lockPathFor(paths.credentialsFile), lockBy(process.pid));
  await writeProfiles(paths, [ci], { overwrite: false, lockTimeoutMs: 1000 });
  assert.deepEqual((await readdir(dirname(paths.credentialsFile))).sort(), ['credentials']);
});

test('takes over a lock whose pid now belongs to a process that started later than the owner', {
  skip: process.platform !== 'linux',
}, async (t) => {
  const { paths } = await tempHome(t);
  await mkdir(dirname(paths.credentialsFile));
  // The runner's pid is alive, but the lock's owner started a day before it: the pid was reused.
  const owner = { pid: process.ppid, host: hostname(), token: 'theirs', started: Date.now() - 86_400_000 };
  await writeFile(lockPathFor(paths.credentialsFile), JSON.stringify(owner));
  await writeProfiles(paths, [ci], { overwrite: false, lockTimeoutMs: 1000 });
  assert.deepEqual((await readdir(dirname(paths.credentialsFile))).sort(), ['credentials']);
});

test('takes over a lock whose owner process is dead', async (t) => {
  const { paths } = await tempHome(t);
  await mkdir(dirname(paths.credentialsFile));
  await writeFile(lockPathFor(paths.credentialsFile), lockBy(deadPid()));
  await writeProfiles(paths, [ci], { overwrite: false, lockTimeoutMs: 1000 });
  assert.deepEqual((await readdir(dirname(paths.credentialsFile))).sort(), ['credentials']);
});

test('takes over a lock older than the stale bound, even from a live pid on another host', async (t) => {
  const { paths } = await tempHome(t);
  await mkdir(dirname(paths.credentialsFile));
  const lock = lockPathFor(paths.credentialsFile);
  await writeFile(lock, lockBy(process.pid, 'another-host'));
  const old = new Date(Date.now() - STALE_LOCK_MS - 1000);
  await utimes(lock, old, old);
  await writeProfiles(paths, [ci], { overwrite: false, lockTimeoutMs: 1000 });
  assert.deepEqual((await readdir(dirname(paths.credentialsFile))).sort(), ['credentials']);
});

test('waits for a live lock on another host that is not yet stale', async (t) => {
  const { home } = await tempHome(t);
  const lock = lockPathFor(`${home}/f`);
  await writeFile(lock, lockBy(1, 'another-host'));
  await assert.rejects(acquireLock(lock, 50), /process 1 on another-host/);
});

test('lets one holder in at a time within a process', async (t) => {
  const { home } = await tempHome(t);
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 8 }, () =>
      withFileLocks([`${home}/a`, `${home}/b`], 5000, async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inside--;
      }),
    ),
  );
  assert.equal(most, 1);
  assert.deepEqual(await readdir(home), []);
});

test('release leaves a lock that is no longer ours', async (t) => {
  const { home } = await tempHome(t);
  const lock = await acquireLock(`${home}/l`, 100);
  await writeFile(lock.path, lockBy(process.pid));
  await releaseLock(lock);
  assert.deepEqual(await readdir(home), ['l']);
});

test('takes over an empty lock file left by a crash between creating and filling it', async (t) => {
  const { home } = await tempHome(t);
  const lock = `${home}/l`;
  await writeFile(lock, '');
  const old = new Date(Date.now() - 5000);
  await utimes(lock, old, old);
  const held = await acquireLock(lock, 1000);
  await releaseLock(held);
  assert.deepEqual(await readdir(home), []);
});

test('does not take over an empty lock file that its owner is still filling', async (t) => {
  const { home } = await tempHome(t);
  await writeFile(`${home}/l`, '');
  await assert.rejects(acquireLock(`${home}/l`, 50), /another process has held this lock/);
});

// A link planted at the lock's path is never followed: dangling, it would otherwise look released for ever.
for (const kind of ['dangling', 'to a file'] as const)
  test(`refuses a symbolic link ${kind} at the lock's path, naming it, without waiting`, {
    skip: process.platform === 'win32' ? 'symbolic links need privileges on Windows' : false,
  }, async (t) => {
    const { paths } = await tempHome(t);
    const dir = dirname(paths.credentialsFile);
    await mkdir(dir);
    const target = join(dir, 'elsewhere');
    if (kind === 'to a file') await writeFile(target, lockBy(process.ppid));
    await symlink(target, lockPathFor(paths.credentialsFile));
    await assert.rejects(acquireLock(lockPathFor(paths.credentialsFile), 60_000), {
      name: 'ProfileFileError',
      message: /assume-aws-role\.lock: is a symbolic link, not a lock this tool wrote\. Delete it/,
    });
  });
