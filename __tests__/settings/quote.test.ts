import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quote } from '../../src/settings/quote.ts';

describe('quote', () => {
  test('quotes a plain value', () => {
    assert.equal(quote('us-east-1'), '"us-east-1"');
  });

  test('escapes CR, LF and other invisible characters', () => {
    assert.equal(quote('a\r\nb'), '"a\\r\\nb"');
    assert.equal(quote('a\u2028b\u202Ec\u0085'), '"a\\u2028b\\u202ec\\u0085"');
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
