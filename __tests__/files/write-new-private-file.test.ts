import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeNewPrivateFile } from '../../src/files/write-new-private-file.ts';

test('the owner-only ACL is applied to the still-empty file, before any byte of the secret', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'private-file-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'credentials.tmp');
  const seen: [string, string, number][] = [];
  await writeNewPrivateFile(path, 'secret', async (target, kind) => {
    seen.push([target, kind, (await stat(target)).size]);
  });
  assert.deepEqual(seen, [[path, 'file', 0]]);
  assert.equal(await readFile(path, 'utf8'), 'secret');
});

test('when the ACL cannot be applied, the secret is not written and the empty file is removed', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'private-file-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'credentials.tmp');
  const sizes: number[] = [];
  const refuse = async (target: string) => {
    sizes.push((await stat(target)).size);
    throw new Error('icacls failed');
  };
  await assert.rejects(writeNewPrivateFile(path, 'secret', refuse), /icacls failed/);
  assert.deepEqual(sizes, [0], 'the ACL step ran once, on a file holding no byte yet');
  await assert.rejects(readFile(path), { code: 'ENOENT' });
  assert.deepEqual(await readdir(dir), []);
});
