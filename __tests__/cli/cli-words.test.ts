import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliErrorMessage, inCliWords } from '../../src/cli/args/cli-words.ts';
import { AccountCheckError, InputError, SourceError } from '../../src/errors.ts';

/** Text in the action's words, and how the CLI says it. */
const TEXTS = [
  ['Add the tag to session-tags, or remove the key', 'Add the tag to --tag, or remove the key'],
  ['Set overwrite-profile: true to replace it', 'Set --overwrite-profile to replace it'],
  [
    'shorten inline-session-policy, use fewer managed-session-policies',
    'shorten --policy, use fewer --policy-arn',
  ],
  ['Set web-identity-token-file to the path', 'Set --web-identity-token-file to the path'],
  ['Also give mfa-serial, the ARN', 'Also give --mfa-serial, the ARN'],
  [
    'Give aws-access-key-id and aws-secret-access-key, e.g. from secrets',
    'Give AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (--source env) or keys in a profile (--source-profile NAME), e.g. from secrets',
  ],
  // Already a flag, an ARN, a plain word: left alone.
  ['Add --role-arn, or drop --mfa-serial', 'Add --role-arn, or drop --mfa-serial'],
  ['arn:aws:iam::1:role/role-arn', 'arn:aws:iam::1:role/role-arn'],
  ['the source failed for this profile in that region', 'the source failed for this profile in that region'],
] as const;

for (const [action, cli] of TEXTS) {
  test(`"${action}" reads "${cli}" in the CLI`, () => assert.equal(inCliWords(action), cli));
}

test('a bad value names its option, not the input', () => {
  assert.equal(
    cliErrorMessage(new InputError('session-tags', 'line 1 has no =', 'Give KEY=VALUE')),
    '--tag: line 1 has no =. Give KEY=VALUE',
  );
  assert.equal(
    cliErrorMessage(new InputError('duration', 'is not a duration', 'Use 1h')),
    '--duration: is not a duration. Use 1h',
  );
  assert.match(
    cliErrorMessage(
      new AccountCheckError(
        'allowed-account-ids',
        '1',
        'account 1 is not in the list',
        'Add it to allowed-account-ids',
      ),
    ),
    /^--allowed-account-ids: account 1 is not in the list\. Add it to --allowed-account-ids$/,
  );
});

test('other errors keep their message, in CLI words', () => {
  assert.equal(
    cliErrorMessage(
      new SourceError('keys', 'no access keys are given', 'Set aws-access-key-id and aws-secret-access-key'),
    ),
    "Source 'keys': no access keys are given. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (--source env) or keys in a profile (--source-profile NAME)",
  );
  assert.equal(cliErrorMessage('a thrown string'), 'a thrown string');
});
