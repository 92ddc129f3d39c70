import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRedactor, escapeLine, printable, quoted, untrusted } from '../../src/safe-text.ts';

/** Breaks and controls that must never reach a log raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must not get through
const RAW_BREAKS = /[\r\u0085\u2028\u2029\u000b\u000c\u001b\u202e\u2066\u200b\u{e0001}]/u;
/** A line the runner would read as a workflow command: first non-blank characters `::`, or `##[` anywhere. */
const commandLine = (text: string) => text.split('\n').some((line) => /^\s*::|##\[/.test(line));

const HOSTILE = [
  { name: 'LF then a command', text: 'arn:aws:sts::1:x\n::set-output name=a::b' },
  { name: 'a lone CR then a command', text: 'arn\r::stop-commands::tok' },
  { name: 'CRLF then a command', text: 'arn\r\n::add-mask::x' },
  { name: 'U+2028 line separator', text: 'a\u2028::warning::x' },
  { name: 'U+2029 paragraph separator', text: 'a\u2029::error::x' },
  { name: 'NEL', text: 'a\u0085::debug::x' },
  { name: 'vertical tab and form feed', text: 'a\u000b\u000c::x::' },
  { name: 'a terminal escape', text: 'a\u001b[2J' },
  { name: 'a command at the start', text: '::set-env name=X::y' },
  { name: 'a command after blanks', text: '   \t::group::x' },
  { name: 'a right-to-left override, which reorders what follows', text: 'role/dev\u202e::tset' },
  { name: 'a left-to-right isolate', text: 'a\u2066b' },
  { name: 'a zero-width space', text: 'arn:aws:iam::1:role/a\u200bb' },
  { name: 'a tag character outside the BMP', text: 'a\u{e0001}b' },
  {
    name: 'a legacy ##[ command in the middle of a line',
    text: 'arn:aws:sts::1:x ##[set-output name=arn;]evil',
  },
  { name: 'a legacy ##[ command after a break', text: 'a\n##[add-mask]x' },
];

describe('untrusted: a value from outside quoted in a message', () => {
  for (const row of HOSTILE) {
    it(`keeps ${row.name} on one line and starts no command`, () => {
      const quoted = untrusted(row.text);
      assert.doesNotMatch(quoted, RAW_BREAKS);
      assert.ok(!quoted.includes('\n'));
      assert.ok(!commandLine(quoted), quoted);
    });
  }

  it('leaves %0A as the literal text it is', () => {
    assert.equal(untrusted('a%0A::x'), 'a%0A::x');
  });

  it('shortens a long value and says how long it was', () => {
    const quoted = untrusted('x'.repeat(1000), 50);
    assert.ok(quoted.length < 80);
    assert.match(quoted, /1000 chars/);
  });
});

describe('printable: every line a logger prints', () => {
  for (const row of HOSTILE) {
    it(`defuses ${row.name}`, () => {
      const line = printable(`hop 1: ${row.text}`);
      assert.doesNotMatch(line, RAW_BREAKS);
      assert.ok(!commandLine(line), line);
    });
  }

  it('keeps our own line breaks and ARNs as they are', () => {
    const text = 'Tried:\n  - arn:aws:iam::111122223333:role/x';
    assert.equal(printable(text), text);
  });
});

describe('escapeLine and quoted: a value a person copies', () => {
  it('escape invisible characters as \\uXXXX, so JSON stays valid and says the same', () => {
    const text = JSON.stringify({ sub: 'repo:o/r\u202e\u2028:ref' });
    const escaped = escapeLine(text);
    assert.doesNotMatch(escaped, RAW_BREAKS);
    assert.deepEqual(JSON.parse(escaped), JSON.parse(text));
  });

  it('break up :: anywhere, and quote a value on one line', () => {
    assert.equal(escapeLine('a::b'), 'a:\\u003ab');
    assert.equal(quoted('x\n::set-output'), '"x\\n:\\u003aset-output"');
    assert.equal(escapeLine('a ##[error]b'), 'a #\\u0023[error]b');
    assert.equal(JSON.parse(escapeLine('"##["')), '##[');
  });
});

describe('createRedactor', () => {
  it('removes every registered secret, the longest first', () => {
    const redactor = createRedactor();
    redactor.add('abcd');
    redactor.add('abcdefgh');
    assert.equal(redactor.redact('x abcdefgh y abcd'), 'x *** y ***');
  });

  it('ignores values too short to be secrets', () => {
    const redactor = createRedactor();
    redactor.add('');
    redactor.add('a');
    assert.equal(redactor.redact('a b'), 'a b');
  });
});
