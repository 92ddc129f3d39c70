import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { quotePwsh, renderPwsh } from '../../src/cli/formats/format-pwsh.ts';
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
/** The last line: AWS Tools for PowerShell gets the session credentials when its module is installed. */
const SET_AWS_CREDENTIAL =
  'if (Get-Command Set-AWSCredential -ErrorAction SilentlyContinue) { Set-AWSCredential -AccessKey $env:AWS_ACCESS_KEY_ID -SecretKey $env:AWS_SECRET_ACCESS_KEY -SessionToken $env:AWS_SESSION_TOKEN -Scope Global }';
const WITHOUT_TOKEN = SET_AWS_CREDENTIAL.replace(' -SessionToken $env:AWS_SESSION_TOKEN', '');

/** Runs a pwsh output line by line (as `| Invoke-Expression` does) into a map of variables. */
function runPwshOutput(output: string): Map<string, string | undefined> {
  assert.ok(output.endsWith('\n'));
  const env = new Map<string, string | undefined>();
  const lines = output.slice(0, -1).split(/\r\n|\r|\n/);
  const session = lines.at(-1)?.startsWith('if (') ? lines.pop() : undefined;
  for (const line of lines) {
    const match = ASSIGNMENT.exec(line);
    assert.ok(match, `not an $env: assignment: ${JSON.stringify(line)}`);
    const [, name = '', expression = ''] = match;
    env.set(name, expression === '$null' ? undefined : evaluatePwsh(expression));
  }
  // Set-AWSCredential follows whenever there are keys to set, with the token when there is one.
  const keys = Boolean(env.get('AWS_ACCESS_KEY_ID') && env.get('AWS_SECRET_ACCESS_KEY'));
  const expected = env.get('AWS_SESSION_TOKEN') ? SET_AWS_CREDENTIAL : WITHOUT_TOKEN;
  assert.equal(session, keys ? expected : undefined);
  return env;
}

/** ASCII, tab and line breaks: what the format carries (anything else is refused, below). */
const isAsciiText = (value: string): boolean => /^[\t\n\r\x20-\x7e]*$/.test(value);

test('pwsh gives back every printable ASCII character, newline, CR and tab exactly', () => {
  for (const [i, special] of ALL_SAMPLES.entries()) {
    const secret = secretAround(special, i);
    if (!isAsciiText(secret)) continue;
    const env = runPwshOutput(formatCredentials('pwsh', credentialsWith(secret, `${secret}!`)));
    assert.equal(env.get('AWS_SECRET_ACCESS_KEY'), secret, JSON.stringify(special));
    assert.equal(env.get('AWS_SESSION_TOKEN'), `${secret}!`);
  }
});

test('pwsh gives back any ASCII string, each assignment on one line, and refuses any other', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }).filter(noNul), (secret) => {
      const output = () => formatCredentials('pwsh', credentialsWith(secret));
      if (!isAsciiText(secret)) {
        assert.throws(
          output,
          /AWS_SECRET_ACCESS_KEY: the value contains the non-ASCII character .*--format json/,
        );
        return;
      }
      assert.equal(runPwshOutput(output()).get('AWS_SECRET_ACCESS_KEY'), secret);
    }),
    { numRuns: 500 },
  );
});

test('pwsh refuses a non-ASCII character, which PowerShell decodes in the console code page', () => {
  // UTF-8 `т` read as code page 1252 is `Ñ‚`, and U+201A is a PowerShell quote: the string would end there.
  assert.throws(() => quotePwsh('т; calc.exe; #', 'AWS_SECRET_ACCESS_KEY'), /non-ASCII character U\+0442/);
  assert.throws(() => quotePwsh('a\u2018b'), /U\+2018/);
  assert.equal(quotePwsh("a'b"), "'a''b'");
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

test('pwsh output, exactly: the variables, then Set-AWSCredential guarded so it is a no-op without AWS Tools', () => {
  const output = formatCredentials('pwsh', credentialsWith("s'cret", 'tok'), { region: 'eu-west-1' });
  assert.equal(
    output,
    [
      '$env:AWS_SECURITY_TOKEN = $null',
      '$env:AWS_PROFILE = $null',
      '$env:AWS_DEFAULT_PROFILE = $null',
      '$env:AWS_ACCOUNT_ID = $null',
      '$env:AWS_CREDENTIAL_SCOPE = $null',
      "$env:AWS_ACCESS_KEY_ID = 'ASIAEXAMPLEEXAMPLE01'",
      "$env:AWS_SECRET_ACCESS_KEY = 's''cret'",
      "$env:AWS_SESSION_TOKEN = 'tok'",
      "$env:AWS_CREDENTIAL_EXPIRATION = '2030-01-02T03:04:05.000Z'",
      "$env:AWS_REGION = 'eu-west-1'",
      "$env:AWS_DEFAULT_REGION = 'eu-west-1'",
      SET_AWS_CREDENTIAL,
      '',
    ].join('\n'),
  );
});

test('without a session token, Set-AWSCredential gets no -SessionToken, and without keys there is no call', () => {
  const output = renderPwsh([
    { name: 'AWS_ACCESS_KEY_ID', value: 'AKIAEXAMPLE' },
    { name: 'AWS_SECRET_ACCESS_KEY', value: 'secret' },
    { name: 'AWS_SESSION_TOKEN', value: undefined },
  ]);
  assert.equal(
    output,
    [
      "$env:AWS_ACCESS_KEY_ID = 'AKIAEXAMPLE'",
      "$env:AWS_SECRET_ACCESS_KEY = 'secret'",
      '$env:AWS_SESSION_TOKEN = $null',
      WITHOUT_TOKEN,
      '',
    ].join('\n'),
  );
  assert.equal(renderPwsh([{ name: 'AWS_PROFILE', value: undefined }]), '$env:AWS_PROFILE = $null\n');
});
