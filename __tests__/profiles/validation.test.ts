import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fakeCredentials } from '../../__fixtures__/profiles/temp-home.ts';
import { checkProfiles } from '../../src/profiles/check-profiles.ts';
import { sharedFilePaths, validateProfileName } from '../../src/profiles/index.ts';

describe('profile names', () => {
  for (const name of [
    'default',
    'ci',
    'Prod_2',
    'a.b',
    'me@corp',
    'x+y',
    '100%',
    'acct:role',
    'a-b',
    'x'.repeat(64),
  ]) {
    test(`accepts ${JSON.stringify(name)}`, () => assert.equal(validateProfileName(name), undefined));
  }
  const refused: [string, string, RegExp][] = [
    ['a newline', 'ci\ncredential_process = sh', /line break/],
    ['a carriage return', 'ci\r', /line break/],
    ['a closing bracket', 'ci]', /may only contain/],
    ['an opening bracket', '[ci', /may only contain/],
    ['a space', 'my profile', /may only contain/],
    ['a tab', 'a\tb', /may only contain/],
    ['a hash', 'ci#x', /may only contain/],
    ['a semicolon', 'ci;x', /may only contain/],
    ['an equals sign', 'a=b', /may only contain/],
    ['a quote', '"ci"', /may only contain/],
    ['a slash', 'a/b', /may only contain/],
    ['non-ASCII letters', 'prød', /may only contain/],
    ['nothing', '', /empty/],
    ['65 characters', 'x'.repeat(65), /at most 64/],
    ['DEFAULT (botocore defaults section)', 'DEFAULT', /reserved/],
    ['__proto__ (the JS SDK refuses it)', '__proto__', /reserved/],
  ];
  for (const [what, name, problem] of refused) {
    test(`refuses a profile name with ${what}`, () => assert.match(validateProfileName(name) ?? '', problem));
  }
});

describe('values', () => {
  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['a region with a newline', { region: 'us-east-1\ncredential_process = sh -c id' }, /line break/],
    [
      'a secret with a carriage return',
      { credentials: { ...fakeCredentials(1), secretAccessKey: 'a\rb' } },
      /line break/,
    ],
    ['a credential_process with a newline', { credentialProcess: 'cmd\n[profile x]' }, /line break/],
    ['a token with a NUL', { credentials: { ...fakeCredentials(1), sessionToken: 'a\u0000b' } }, /control/],
    ['a value the JS SDK would cut at " #"', { credentialProcess: 'cmd --x # y' }, /comment/],
    ['a value starting with ";"', { region: ';x' }, /comment/],
    ['an empty value', { region: '' }, /empty/],
    ['edge whitespace', { region: ' us-east-1' }, /whitespace/],
    [
      'credentials and a credential_process together',
      { credentials: fakeCredentials(1), credentialProcess: 'x' },
      /both/,
    ],
    ['nothing to write', {}, /nothing to write/],
    ['an invalid expiration', { credentials: fakeCredentials(1, new Date(Number.NaN)) }, /expiration/],
  ];
  for (const [what, fields, problem] of refused) {
    test(`refuses ${what}`, () => {
      assert.throws(() => checkProfiles([{ name: 'ci', ...fields }], undefined), {
        name: 'InvalidProfileError',
        message: problem,
      });
    });
  }

  test('refuses a job id with a newline (it goes into the marker comment)', () => {
    assert.throws(
      () => checkProfiles([{ name: 'ci', region: 'x' }], 'job\ncredential_process = sh'),
      /line breaks/,
    );
  });

  test('refuses the same profile twice in one write', () => {
    assert.throws(
      () =>
        checkProfiles(
          [
            { name: 'ci', region: 'a' },
            { name: 'ci', region: 'b' },
          ],
          undefined,
        ),
      /twice/,
    );
  });
});

describe('shared file paths', () => {
  test('defaults to ~/.aws/credentials and ~/.aws/config', () => {
    assert.deepEqual(sharedFilePaths({ HOME: '/home/u' }, 'linux'), {
      credentialsFile: '/home/u/.aws/credentials',
      configFile: '/home/u/.aws/config',
    });
  });

  test('follows AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE, expanding a leading ~/', () => {
    const env = {
      HOME: '/home/u',
      AWS_SHARED_CREDENTIALS_FILE: '~/ci/creds',
      AWS_CONFIG_FILE: '/etc/aws/config',
    };
    assert.deepEqual(sharedFilePaths(env, 'linux'), {
      credentialsFile: '/home/u/ci/creds',
      configFile: '/etc/aws/config',
    });
  });

  test('treats an empty variable as unset, as the JS SDK does', () => {
    assert.equal(sharedFilePaths({ HOME: '/h', AWS_CONFIG_FILE: '' }, 'linux').configFile, '/h/.aws/config');
  });

  const refused: [NodeJS.Platform, string][] = [
    ['linux', '$HOME/creds'],
    ['linux', '~other/creds'],
    ['linux', '~'],
    ['win32', '%USERPROFILE%\\creds'],
    ['win32', '~\\creds'],
    ['win32', '$HOME\\creds'],
  ];
  for (const [platform, value] of refused) {
    test(`refuses ${value} on ${platform}, which botocore and the JS SDK expand differently`, () => {
      const env = { HOME: '/h', USERPROFILE: '/h', AWS_SHARED_CREDENTIALS_FILE: value };
      assert.throws(() => sharedFilePaths(env, platform), {
        name: 'ProfileFileError',
        message: /AWS_SHARED_CREDENTIALS_FILE.*plain path/,
      });
    });
  }

  test('a % in a POSIX path is a plain character to every reader', () => {
    const env = { HOME: '/h', AWS_CONFIG_FILE: '/etc/100%/config' };
    assert.equal(sharedFilePaths(env, 'linux').configFile, '/etc/100%/config');
  });
});
