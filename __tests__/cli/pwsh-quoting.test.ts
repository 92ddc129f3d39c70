import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { quotePwsh } from '../../src/cli/formats/format-pwsh.ts';
import { formatCredentials } from '../../src/cli/formats/output-formats.ts';
import { ALL_SAMPLES, credentialsWith, secretAround } from './helpers/sample-values.ts';

/** The characters PowerShell's tokenizer treats as a single quote. */
const SINGLE_QUOTES = new Set(['\u0027', '\u2018', '\u2019', '\u201A', '\u201B']);
const LINE_BREAK_ESCAPES = new Map([
  ['"`n"', '\n'],
  ['"`r"', '\r'],
]);

/**
 * Evaluates the expressions this format emits, by the language's rules: a single-quoted string runs
 * to the first quote character that is not followed by another one; a quote character followed by
 * a quote character stands for the second. Pieces are joined by ` + ` (string concatenation), and
 * "`n" / "`r" are the double-quoted escapes for LF and CR. Anything else is a test failure.
 */
function evaluatePwsh(expression: string): string {
  let value = '';
  let i = 0;
  for (;;) {
    const lineBreak = LINE_BREAK_ESCAPES.get(expression.slice(i, i + 4));
    if (lineBreak !== undefined) {
      value += lineBreak;
      i += 4;
    } else {
      assert.ok(SINGLE_QUOTES.has(expression[i] ?? ''), `expected a string at ${i} in ${expression}`);
      i++;
      for (;;) {
        const char = expression[i];
        assert.ok(char !== undefined, `unterminated string in ${expression}`);
        i++;
        if (SINGLE_QUOTES.has(char)) {
          const next = expression[i];
          if (next === undefined || !SINGLE_QUOTES.has(next)) break;
          value += next;
          i++;
        } else {
          value += char;
        }
      }
    }
    if (i === expression.length) return value;
    assert.equal(expression.slice(i, i + 3), ' + ', `expected ' + ' at ${i} in ${expression}`);
    i += 3;
  }
}

const ASSIGNMENT = /^\$env:([A-Z_]+) = (.*)$/s;

/** Runs a pwsh output line by line (as `| Invoke-Expression` does) into a map of variables. */
function runPwshOutput(output: string): Map<string, string | undefined> {
  assert.ok(output.endsWith('\n'));
  const env = new Map<string, string | undefined>();
  for (const line of output.slice(0, -1).split(/\r\n|\r|\n/)) {
    const match = ASSIGNMENT.exec(line);
    assert.ok(match, `not an $env: assignment: ${JSON.stringify(line)}`);
    const [, name = '', expression = ''] = match;
    env.set(name, expression === '$null' ? undefined : evaluatePwsh(expression));
  }
  return env;
}

test('pwsh gives back every printable ASCII character, some Unicode, newline, CR and tab exactly', () => {
  for (const [i, special] of ALL_SAMPLES.entries()) {
    const secret = secretAround(special, i);
    const env = runPwshOutput(formatCredentials('pwsh', credentialsWith(secret, `${secret}!`)));
    assert.equal(env.get('AWS_SECRET_ACCESS_KEY'), secret, JSON.stringify(special));
    assert.equal(env.get('AWS_SESSION_TOKEN'), `${secret}!`);
  }
});

test('pwsh gives back any Unicode string, each assignment on one line', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }).filter(noNul), (secret) => {
      const env = runPwshOutput(formatCredentials('pwsh', credentialsWith(secret)));
      assert.equal(env.get('AWS_SECRET_ACCESS_KEY'), secret);
    }),
    { numRuns: 500 },
  );
});

test('pwsh doubles every kind of single quote, not only the ASCII one', () => {
  assert.equal(
    quotePwsh("a'b\u2018c\u2019d\u201Ae\u201Bf"),
    "'a''b\u2018\u2018c\u2019\u2019d\u201A\u201Ae\u201B\u201Bf'",
  );
});

test('pwsh writes line breaks outside the quotes so Invoke-Expression never sees a split string', () => {
  assert.equal(quotePwsh('a\r\nb\n'), '\'a\' + "`r" + "`n" + \'b\' + "`n"');
  assert.equal(quotePwsh(''), "''");
});

test('pwsh removes the variables it does not set by assigning $null', () => {
  const output = formatCredentials('pwsh', { accessKeyId: 'AKIA', secretAccessKey: 's' });
  assert.match(output, /^\$env:AWS_SESSION_TOKEN = \$null$/m);
  assert.match(output, /^\$env:AWS_PROFILE = \$null$/m);
  assert.doesNotMatch(output, /AWS_REGION/);
});

function noNul(value: string): boolean {
  return !value.includes('\0');
}
