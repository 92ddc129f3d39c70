import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Format, formatCredentials } from '../../src/cli/formats/output-formats.ts';
import type { AwsCredentials } from '../../src/credentials.ts';
import { ALL_SAMPLES, credentialsWith, secretAround } from './helpers/sample-values.ts';

const FISH = '/usr/bin/fish';
const SEPARATOR = '\0';
/** For each file: source it, then print the secret and the token, NUL-terminated (NUL never occurs in a value). */
const SHELLS = {
  bash: {
    path: '/bin/bash',
    args: (files: string[]) => [
      '-c',
      'for f in "$@"; do eval "$(cat "$f")" || exit 9; printf "%s\\0%s\\0" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN"; done',
      'bash',
      ...files,
    ],
    format: 'sh',
  },
  dash: {
    path: '/bin/sh',
    args: (files: string[]) => [
      '-c',
      'for f in "$@"; do eval "$(cat "$f")" || exit 9; printf "%s\\0%s\\0" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN"; done',
      'sh',
      ...files,
    ],
    format: 'sh',
  },
  fish: {
    path: FISH,
    args: (files: string[]) => [
      '--no-config',
      '-c',
      'for f in $argv; source $f; or exit 9; printf "%s\\0%s\\0" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN"; end',
      ...files,
    ],
    format: 'fish',
  },
} as const satisfies Record<string, { path: string; args: (files: string[]) => string[]; format: Format }>;

/** Prints whether each stale variable is still set, then the region variables, NUL-terminated. */
const FISH_REPORT =
  'printf "%s\\0" (set -q AWS_SESSION_TOKEN; and echo set; or echo unset) (set -q AWS_PROFILE; and echo set; or echo unset) (set -q AWS_CREDENTIAL_EXPIRATION; and echo set; or echo unset) "$AWS_REGION" "$AWS_DEFAULT_REGION"';
const POSIX_REPORT =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
  'printf "%s\\0" "${AWS_SESSION_TOKEN-unset}" "${AWS_PROFILE-unset}" "${AWS_CREDENTIAL_EXPIRATION-unset}" "$AWS_REGION" "$AWS_DEFAULT_REGION"';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shell-round-trip-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sourceInShell(shell: keyof typeof SHELLS, outputs: string[], env = {}): Promise<string[]> {
  const files = await Promise.all(
    outputs.map(async (output, i) => {
      const file = join(dir, `${shell}-${i}-${Math.random().toString(16).slice(2)}`);
      await writeFile(file, output);
      return file;
    }),
  );
  const { path, args } = SHELLS[shell];
  const result = spawnSync(path, args(files), { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  assert.equal(result.status, 0, `${shell} failed: ${result.stderr}`);
  return result.stdout.split(SEPARATOR).slice(0, -1);
}

for (const shell of Object.keys(SHELLS) as (keyof typeof SHELLS)[]) {
  const { path, format } = SHELLS[shell];
  const missing = existsSync(path)
    ? false
    : `${path} is not installed, so ${shell} quoting cannot be checked here`;

  describe(`${format} output sourced by ${shell}`, { skip: missing }, () => {
    test('gives back every printable ASCII character, some Unicode, newline, CR and tab exactly', async () => {
      const secrets = ALL_SAMPLES.map((special, i) => secretAround(special, i));
      const outputs = secrets.map((secret, i) =>
        formatCredentials(format, credentialsWith(secret, `${secret}${i}`), { region: 'eu-west-1' }),
      );
      const printed = await sourceInShell(shell, outputs);
      const expected = secrets.flatMap((secret, i) => [secret, `${secret}${i}`]);
      assert.deepEqual(printed, expected);
    });

    test('gives back a value holding every sample character at once', async () => {
      const secret = ALL_SAMPLES.join('');
      const printed = await sourceInShell(shell, [formatCredentials(format, credentialsWith(secret))]);
      assert.deepEqual(printed, [secret, secret]);
    });

    test('removes a stale session token and profile, and exports region and expiration', async () => {
      const creds: AwsCredentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
      const output = formatCredentials(format, creds, { region: 'us-west-2' });
      const report = shell === 'fish' ? FISH_REPORT : POSIX_REPORT;
      const script =
        shell === 'fish'
          ? `source $argv[1]; or exit 9; ${report}`
          : `eval "$(cat "$1")" || exit 9; ${report}`;
      const file = join(dir, `${shell}-stale`);
      await writeFile(file, output);
      const result = spawnSync(
        SHELLS[shell].path,
        shell === 'fish' ? ['--no-config', '-c', script, file] : ['-c', script, shell, file],
        {
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH,
            AWS_SESSION_TOKEN: 'stale',
            AWS_PROFILE: 'dev',
            AWS_CREDENTIAL_EXPIRATION: '2000-01-01T00:00:00Z',
          },
        },
      );
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(result.stdout.split(SEPARATOR).slice(0, -1), [
        'unset',
        'unset',
        'unset',
        'us-west-2',
        'us-west-2',
      ]);
    });
  });
}
