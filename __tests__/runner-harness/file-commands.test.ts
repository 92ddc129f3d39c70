import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { FileCommandError, parseFileCommands, parsePathFile } from '../../testing/runner-harness/index.ts';

/** Writes a value the way @actions/core's prepareKeyValueMessage does. */
const heredoc = (name: string, value: string): string => {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
};

describe('parseFileCommands', () => {
  test('reads NAME=value lines, keeping every = after the first in the value', () => {
    assert.deepEqual(parseFileCommands('A=1\nB=x=y==\nEMPTY=\n'), { A: '1', B: 'x=y==', EMPTY: '' });
  });

  test('reads a heredoc with a random delimiter, multi-line values and lines that look like commands', () => {
    const value = 'line one\nINJECTED=evil\nOTHER<<EOF\n\nlast = line';
    assert.deepEqual(parseFileCommands(heredoc('MULTI', value) + heredoc('EMPTY', '')), {
      MULTI: value,
      EMPTY: '',
    });
  });

  test('accepts a delimiter containing = (base64), since << comes first', () => {
    assert.deepEqual(parseFileCommands('TOKEN<<ab=c\nv\nab=c\n'), { TOKEN: 'v' });
  });

  test('skips blank lines, lets a later value win, and accepts a last line without LF', () => {
    assert.deepEqual(parseFileCommands('\nA=1\n\nA=2\nB=3'), { A: '2', B: '3' });
    assert.deepEqual(parseFileCommands(''), {});
  });

  test('treats CRLF as the Linux runner does: the CR stays in names, values and delimiters', () => {
    assert.deepEqual(parseFileCommands('A=1\r\nB<<EOF\r\nx\r\ny\r\nEOF\r\n'), { A: '1\r', B: 'x\r\ny\r' });
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['a line with neither = nor <<', 'JUST_TEXT\n', /expected NAME=value/],
    ['an empty name', '=value\n', /name must not be empty/],
    ['a heredoc without a name', '<<EOF\nx\nEOF\n', /must not be empty/],
    ['a heredoc without a delimiter', 'A<<\nx\n', /must not be empty/],
    ['an unclosed heredoc', 'A<<EOF\nx\n', /matching delimiter not found 'EOF'/],
    ['a CRLF heredoc closed by a bare LF delimiter', 'A<<EOF\r\nx\nEOF\n', /matching delimiter not found/],
    ['a value line without LF before the delimiter', 'A<<EOF\nx', /EOF marker missing new line/],
  ];
  for (const [name, content, message] of malformed) {
    test(`refuses ${name}`, () => {
      assert.throws(
        () => parseFileCommands(content),
        (error) => error instanceof FileCommandError && message.test(error.message),
      );
    });
  }

  test('reads back any values written as @actions/core writes them', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ unit: 'binary' })), (values) => {
        const content = Object.entries(values)
          .map(([key, value]) => heredoc(key, value))
          .join('');
        assert.deepEqual(parseFileCommands(content), { ...values });
      }),
    );
  });
});

describe('parsePathFile', () => {
  test('returns the non-empty lines in order, whatever the line ending', () => {
    assert.deepEqual(parsePathFile('/a/bin\n\n/b/bin\r\n/c/bin'), ['/a/bin', '/b/bin', '/c/bin']);
  });
});
