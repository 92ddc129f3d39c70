import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CMD_HEADER, CMD_MAX_LINE_LENGTH, quoteCmd } from '../../src/cli/formats/format-cmd.ts';
import { FormatError } from '../../src/cli/formats/format-error.ts';
import { formatCredentials } from '../../src/cli/formats/output-formats.ts';
import { credentialsWith, PRINTABLE_ASCII, secretAround } from './helpers/sample-values.ts';

/**
 * Runs a cmd output the way cmd.exe runs a `call`ed batch file, by the rules format-cmd.ts
 * documents, failing on anything those rules leave to chance:
 * - lines end at LF, and Ctrl-Z reads as LF;
 * - percent phase: `%%` is one `%`; any other `%` would expand a variable, so it fails the test;
 * - CR is dropped;
 * - the rest of the line must be one double-quoted word: `@set "NAME=VALUE"`, with no other `"`
 *   (an inner quote would expose `& | < >` to the parser);
 * - no `!`, so delayed expansion, on or off, leaves the line alone and `^` is literal;
 * - set takes the text between the first `=` and the last `"`.
 */
function runBatch(output: string): Map<string, string> {
  const env = new Map<string, string>();
  const lines = output.replaceAll('\x1a', '\n').split('\n');
  assert.equal(lines.pop(), '', 'the output ends with a line break');
  for (const raw of lines) {
    assert.ok(raw.length <= CMD_MAX_LINE_LENGTH, 'line within the cmd limit');
    if (raw === CMD_HEADER) continue;
    const expanded = percentPhase(raw).replaceAll('\r', '');
    assert.ok(!expanded.includes('!'), `no '!' for delayed expansion: ${raw}`);
    const match = /^@set "([A-Z_]+)=([^"]*)"$/.exec(expanded);
    assert.ok(match, `one quoted set command: ${JSON.stringify(raw)}`);
    const [, name = '', value = ''] = match;
    if (value === '') env.delete(name);
    else env.set(name, value);
  }
  return env;
}

function percentPhase(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '%') {
      out += line[i];
      continue;
    }
    assert.equal(line[i + 1], '%', `a lone % would expand a variable: ${line}`);
    out += '%';
    i++;
  }
  return out;
}

const REFUSED = new Set(['"', '!']);
const CARRIED = PRINTABLE_ASCII.filter((char) => !REFUSED.has(char)).concat('\t');

test('cmd gives back every printable ASCII character but " and !, and tab, exactly', () => {
  for (const [i, special] of CARRIED.entries()) {
    const secret = secretAround(special, i);
    const env = runBatch(formatCredentials('cmd', credentialsWith(secret), { region: 'eu-west-1' }));
    assert.equal(env.get('AWS_SECRET_ACCESS_KEY'), secret, JSON.stringify(special));
    assert.equal(env.get('AWS_SESSION_TOKEN'), secret);
    assert.equal(env.get('AWS_REGION'), 'eu-west-1');
  }
});

test('cmd gives back any string of the characters it carries', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...CARRIED), maxLength: 60 }), (secret) => {
      const env = runBatch(formatCredentials('cmd', credentialsWith(secret || 'x')));
      assert.equal(env.get('AWS_SECRET_ACCESS_KEY'), secret || 'x');
    }),
    { numRuns: 500 },
  );
});

const REFUSALS: [string, string, RegExp][] = [
  ['a double quote', 'ab"c', /double quote/],
  ['an exclamation mark', 'ab!c', /exclamation mark/],
  ['a newline', 'ab\nc', /line break/],
  ['a carriage return', 'ab\rc', /line break/],
  ['Ctrl-Z, which cmd reads as a line break', 'ab\x1ac', /line break/],
  ['another control character', 'ab\x07c', /control character U\+0007/],
  ['a non-ASCII character', 'abé', /non-ASCII character U\+00E9/],
  ['a typographic quote', 'ab\u201Cc', /non-ASCII character U\+201C/],
  ['a NUL', 'ab\0c', /NUL/],
];

for (const [what, secret, message] of REFUSALS) {
  test(`cmd refuses a value with ${what}, naming the variable and another format`, () => {
    assert.throws(
      () => formatCredentials('cmd', credentialsWith(secret, undefined)),
      (error: unknown) =>
        error instanceof FormatError &&
        error.variable === 'AWS_SECRET_ACCESS_KEY' &&
        message.test(error.message) &&
        (error.message.includes('--format') || what === 'a NUL'),
    );
  });
}

test('cmd refuses a line longer than cmd accepts', () => {
  const token = 'A'.repeat(CMD_MAX_LINE_LENGTH);
  assert.throws(() => formatCredentials('cmd', credentialsWith('s', token)), /limit of 8191/);
});

test('cmd doubles % for the batch file and leaves ^ & | < > ( ) alone inside the quotes', () => {
  assert.equal(quoteCmd('X', '%PATH%^&|<>()'), '%%PATH%%^&|<>()');
});

test('cmd removes a stale session token and profile with an empty set', () => {
  const output = formatCredentials('cmd', { accessKeyId: 'AKIA', secretAccessKey: 's' });
  assert.match(output, /^@set "AWS_SESSION_TOKEN="$/m);
  assert.match(output, /^@set "AWS_PROFILE="$/m);
  assert.ok(output.startsWith(`${CMD_HEADER}\n`));
});
