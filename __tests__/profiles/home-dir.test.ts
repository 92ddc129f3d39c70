import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { homeDirectory } from '../../src/profiles/home-dir.ts';
import { sharedFilePaths } from '../../src/profiles/paths.ts';

const OS_HOME = '<os.homedir()>';
const osHome = (): string => OS_HOME;

// One row per rule of the JS SDK's getHomeDir (and botocore's expanduser on Windows where they agree).
const homes: [string, NodeJS.Platform, NodeJS.ProcessEnv, string][] = [
  ['HOME on Linux', 'linux', { HOME: '/home/u', USERPROFILE: '/elsewhere' }, '/home/u'],
  ['the OS answer on Linux without HOME', 'linux', { USERPROFILE: '/elsewhere' }, OS_HOME],
  ['HOME on macOS', 'darwin', { HOME: '/Users/u' }, '/Users/u'],
  [
    'HOME on Windows when set (Git Bash)',
    'win32',
    { HOME: 'C:\\Users\\u', USERPROFILE: 'C:\\Users\\u' },
    'C:\\Users\\u',
  ],
  [
    'USERPROFILE on Windows without HOME',
    'win32',
    { USERPROFILE: 'C:\\Users\\u', HOMEPATH: '\\x' },
    'C:\\Users\\u',
  ],
  [
    'HOMEDRIVE + HOMEPATH without USERPROFILE',
    'win32',
    { HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\u' },
    'D:\\Users\\u',
  ],
  ['drive C: when HOMEDRIVE is missing, as the JS SDK', 'win32', { HOMEPATH: '\\Users\\u' }, 'C:\\Users\\u'],
  ['an empty HOME counts as unset', 'win32', { HOME: '', USERPROFILE: 'C:\\Users\\u' }, 'C:\\Users\\u'],
  ['the OS answer on Windows with nothing set', 'win32', {}, OS_HOME],
  [
    'NETWORK SERVICE profile of a self-hosted runner service',
    'win32',
    { USERPROFILE: 'C:\\Windows\\ServiceProfiles\\NetworkService' },
    'C:\\Windows\\ServiceProfiles\\NetworkService',
  ],
];

describe('home directory', () => {
  for (const [what, platform, env, expected] of homes) {
    test(`is ${what}`, () => assert.equal(homeDirectory(env, platform, osHome), expected));
  }
});

// path.win32 and path.posix are picked by platform, so every row runs on every OS.
const paths: [string, NodeJS.Platform, NodeJS.ProcessEnv, string, string][] = [
  ['posix defaults', 'linux', { HOME: '/home/u' }, '/home/u/.aws/credentials', '/home/u/.aws/config'],
  [
    'Windows defaults under USERPROFILE',
    'win32',
    { USERPROFILE: 'C:\\Users\\u' },
    'C:\\Users\\u\\.aws\\credentials',
    'C:\\Users\\u\\.aws\\config',
  ],
  [
    'Windows defaults under HOMEDRIVE + HOMEPATH',
    'win32',
    { HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\u' },
    'D:\\Users\\u\\.aws\\credentials',
    'D:\\Users\\u\\.aws\\config',
  ],
  [
    'Windows overrides, ~/ expanded under the profile',
    'win32',
    {
      USERPROFILE: 'C:\\Users\\u',
      AWS_SHARED_CREDENTIALS_FILE: '~/ci/creds',
      AWS_CONFIG_FILE: 'D:\\aws\\config',
    },
    'C:\\Users\\u\\ci\\creds',
    'D:\\aws\\config',
  ],
  [
    'Windows overrides with forward slashes',
    'win32',
    { AWS_SHARED_CREDENTIALS_FILE: 'C:/aws/creds', AWS_CONFIG_FILE: 'C:/aws/config' },
    'C:\\aws\\creds',
    'C:\\aws\\config',
  ],
  [
    'a HOME that differs from USERPROFILE is fine when both files are set absolutely',
    'win32',
    {
      HOME: 'C:\\msys\\home\\u',
      USERPROFILE: 'C:\\Users\\u',
      AWS_SHARED_CREDENTIALS_FILE: 'C:\\aws\\creds',
      AWS_CONFIG_FILE: 'C:\\aws\\config',
    },
    'C:\\aws\\creds',
    'C:\\aws\\config',
  ],
  [
    'HOME equal to USERPROFILE in another case and slash style',
    'win32',
    { HOME: 'c:/users/U', USERPROFILE: 'C:\\Users\\u' },
    'c:\\users\\U\\.aws\\credentials',
    'c:\\users\\U\\.aws\\config',
  ],
];

describe('shared file paths on every OS', () => {
  for (const [what, platform, env, credentialsFile, configFile] of paths) {
    test(what, () => assert.deepEqual(sharedFilePaths(env, platform), { credentialsFile, configFile }));
  }

  test('refuses a Windows HOME that is not USERPROFILE: the JS SDK and the other SDKs would disagree', () => {
    const env = { HOME: 'C:\\msys\\home\\u', USERPROFILE: 'C:\\Users\\u' };
    assert.throws(() => sharedFilePaths(env, 'win32'), {
      name: 'ProfileFileError',
      message:
        /C:\\msys\\home\\u: is HOME.*USERPROFILE \(C:\\Users\\u\).*AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE/,
    });
  });

  test('the same two values on Linux are not a conflict (USERPROFILE means nothing there)', () => {
    const env = { HOME: '/home/u', USERPROFILE: '/elsewhere' };
    assert.equal(sharedFilePaths(env, 'linux').configFile, '/home/u/.aws/config');
  });
});
