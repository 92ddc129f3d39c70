// The MFA prompt: the serial comes from the user's config file, so its control characters are shown as
// escapes and never reach the terminal; the code typed is read from one line.
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { test } from 'node:test';
import { mfaCodePrompt } from '../../src/cli/mfa-prompt.ts';
import { InputError } from '../../src/errors.ts';

const HOSTILE_SERIAL = 'arn:aws:iam::123456789012:mfa/me\u001b]0;owned\u0007\u001b[2J';
/** What must never reach the terminal: the escape and the bell. */
const RAW = (text: string) => text.includes('\u001b') || text.includes('\u0007');

function streams(isTerminal: boolean) {
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
  });
  return { streams: { isTerminal, input: () => Readable.from(['654321\n']), output }, shown: () => shown };
}

test('at a terminal: asks with the serial escaped, and returns the line typed', async () => {
  const { streams: given, shown } = streams(true);
  assert.equal(await mfaCodePrompt(given)(HOSTILE_SERIAL), '654321');
  assert.ok(!RAW(shown()), JSON.stringify(shown()));
  assert.match(shown(), /^MFA code for arn:aws:iam::123456789012:mfa\/me\\x1b\]0;owned\\x07\\x1b\[2J: $/);
});

test('without a terminal: refused at once, naming --mfa-code, with the serial escaped', async () => {
  const { streams: given, shown } = streams(false);
  await assert.rejects(mfaCodePrompt(given)(HOSTILE_SERIAL), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /mfa-code/);
    assert.ok(!RAW(error.message), error.message);
    return true;
  });
  assert.equal(shown(), '');
});
