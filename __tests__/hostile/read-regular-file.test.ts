import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readRegularFile, UnreadableFileError } from '../../src/files/read-regular-file.ts';

const posix = process.platform !== 'win32';

describe('readRegularFile: a file named from outside is read without blocking', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-regular-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads a regular file', async () => {
    const path = join(dir, 'token');
    await writeFile(path, 'jwt');
    assert.equal((await readRegularFile(path))?.toString(), 'jwt');
  });

  it('answers undefined for a missing file', async () => {
    assert.equal(await readRegularFile(join(dir, 'missing')), undefined);
  });

  const refusals = [
    {
      name: 'a FIFO with no writer',
      make: async (path: string) => execFileSync('mkfifo', [path]),
      kind: /FIFO/,
    },
    { name: 'a directory', make: (path: string) => execFileSync('mkdir', [path]), kind: /directory/ },
    { name: '/dev/zero', path: '/dev/zero', kind: /device/ },
    { name: '/dev/null', path: '/dev/null', kind: /device/ },
  ];
  for (const row of refusals) {
    it(`refuses ${row.name}, naming the path`, { skip: !posix }, async () => {
      const path = row.path ?? join(dir, row.name.replaceAll(' ', '-'));
      if (row.make) await row.make(path);
      await assert.rejects(readRegularFile(path), (error: unknown) => {
        assert.ok(error instanceof UnreadableFileError);
        assert.ok(error.message.startsWith(path), error.message);
        assert.match(error.message, row.kind);
        return true;
      });
    });
  }

  it('refuses a symlink when told not to follow one, and follows it otherwise', {
    skip: !posix,
  }, async () => {
    const target = join(dir, 'target');
    const link = join(dir, 'link');
    await writeFile(target, 'x');
    await symlink(target, link);
    assert.equal((await readRegularFile(link))?.toString(), 'x');
    await assert.rejects(readRegularFile(link, { noFollow: true }), /symbolic link/);
  });

  it('refuses a file larger than the cap, naming the cap', async () => {
    const path = join(dir, 'big');
    await writeFile(path, 'x'.repeat(100));
    await assert.rejects(readRegularFile(path, { maxBytes: 10 }), /more than the 10 allowed/);
  });
});
