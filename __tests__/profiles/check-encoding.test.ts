import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUtf8 } from '../../src/profiles/check-encoding.ts';
import { ProfileFileError } from '../../src/profiles/errors.ts';

const PATH = 'home/.aws/credentials';
const INI = '[default]\naws_access_key_id = AKIA\n';

const REFUSED = [
  {
    name: 'a UTF-8 BOM',
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INI)]),
    fix: /tail -c \+4/,
  },
  {
    name: 'UTF-16LE with a BOM',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INI, 'utf16le')]),
    fix: /iconv -f UTF-16/,
  },
  { name: 'UTF-16BE with a BOM', bytes: Buffer.from([0xfe, 0xff, 0x00, 0x5b]), fix: /iconv -f UTF-16/ },
  { name: 'UTF-16LE without a BOM', bytes: Buffer.from(INI, 'utf16le'), fix: /utf8NoBOM/ },
  { name: 'Latin-1 text', bytes: Buffer.from('[caf\xe9]\n', 'latin1'), fix: /iconv -f LATIN1/ },
];

describe('checkUtf8: shared files must be UTF-8 without a BOM', () => {
  for (const row of REFUSED) {
    it(`refuses ${row.name}, naming the file and how to re-save it on both systems`, () => {
      assert.throws(
        () => checkUtf8(PATH, row.bytes),
        (error: unknown) => {
          assert.ok(error instanceof ProfileFileError);
          assert.ok(error.message.startsWith(PATH));
          assert.match(error.message, /changed nothing/);
          assert.match(error.message, row.fix);
          assert.match(error.message, /Set-Content -Encoding utf8NoBOM/);
          return true;
        },
      );
    });
  }

  it('accepts UTF-8 with non-ASCII text and an empty file', () => {
    checkUtf8(PATH, Buffer.from('# café ☕\n[default]\n'));
    checkUtf8(PATH, Buffer.alloc(0));
  });
});
