// Certificate and key files: read whole when regular and small; anything else refused, naming the input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { readPemFile } from '../../src/sources/roles-anywhere/read-pem-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'pem-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const refusedAs = (problem: RegExp) => (error: unknown) =>
  error instanceof InputError && error.input === 'private-key' && problem.test(error.message);

describe('readPemFile', () => {
  it('reads a regular file', async () => {
    const path = join(dir, 'cert.pem');
    writeFileSync(path, '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n');
    assert.match(await readPemFile(path, 'certificate', true), /BEGIN CERTIFICATE/);
  });

  it('refuses a missing file', async () => {
    await assert.rejects(
      readPemFile(join(dir, 'absent.pem'), 'private-key', true),
      refusedAs(/cannot be opened \(ENOENT\)/),
    );
  });

  it('refuses a directory', async () => {
    await assert.rejects(
      readPemFile(dir, 'private-key', true),
      refusedAs(/not a regular file|cannot be opened/),
    );
  });

  it('refuses a file that is too large', async () => {
    const path = join(dir, 'big.pem');
    writeFileSync(path, 'A'.repeat(300 * 1024));
    await assert.rejects(readPemFile(path, 'private-key', true), refusedAs(/larger than/));
  });

  it('names a key file without quoting its value, which may be the key itself', async () => {
    const base64Key = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4';
    await assert.rejects(readPemFile(base64Key, 'private-key', false), (error: unknown) => {
      assert.ok(
        refusedAs(/the file it names \(the value, 77 characters, is not shown\) cannot be opened/)(error),
      );
      assert.ok(!String((error as Error).message).includes(base64Key.slice(0, 12)));
      return true;
    });
  });

  it('refuses a FIFO without waiting for a writer', { skip: process.platform === 'win32' }, async () => {
    const path = join(dir, 'fifo');
    execFileSync('mkfifo', [path]);
    await assert.rejects(readPemFile(path, 'private-key', true), refusedAs(/not a regular file/));
  });
});
