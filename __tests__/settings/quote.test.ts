import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeChar, quote } from '../../src/settings/quote.ts';

describe('quote', () => {
  test('quotes a plain value', () => {
    assert.equal(quote('us-east-1'), '"us-east-1"');
  });

  test('escapes CR, LF and other invisible characters', () => {
    assert.equal(quote('a\r\nb'), '"a\\r\\nb"');
    assert.equal(quote('a\u2028b\u202Ec\u0085'), '"a\\u2028b\\u202ec\\u0085"');
  });

  test('escapes a format character beyond U+FFFF as its two UTF-16 halves, which JSON reads back', () => {
    // U+E0041 is a tag character: invisible, and used to smuggle text past a reader.
    const rows: [char: string, escaped: string][] = [
      ['\u{E0041}', '\\udb40\\udc41'],
      ['\u{1D173}', '\\ud834\\udd73'],
      ['\u202E', '\\u202e'],
      ['\n', '\\u000a'],
    ];
    for (const [char, escaped] of rows) {
      assert.equal(escapeChar(char), escaped);
      assert.equal(JSON.parse(`"${escaped}"`), char);
    }
    assert.equal(quote('a\u{E0041}b'), '"a\\udb40\\udc41b"');
  });

  test('cuts a long value and says how long it was', () => {
    const quoted = quote('x'.repeat(500));
    assert.ok(quoted.length < 120, quoted);
    assert.ok(quoted.endsWith('…" (500 characters)'), quoted);
  });

  test('never splits a character made of two UTF-16 units', () => {
    assert.ok(!quote('😀'.repeat(100)).includes('\\ud83d"'));
  });
});
