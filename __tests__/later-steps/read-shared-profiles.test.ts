import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSharedProfiles } from '../../src/later-steps/read-shared-profiles.ts';

async function withHome(files: Record<string, string>, body: (home: string) => Promise<void>): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'later-steps-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(home, path, '..'), { recursive: true });
      await writeFile(join(home, path), text, { mode: 0o600 });
    }
    await body(home);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

test('finds the profiles of both files, and which of them can sign', async () => {
  const credentials =
    '[default]\naws_access_key_id = AKIA\naws_secret_access_key = s\n[team]\nregion=eu-west-1\n';
  const config =
    '[default]\nregion = us-east-1\n[profile team]\nrole_arn = arn:aws:iam::1:role/x\n[profile plain]\noutput=json\n[sso-session x]\n';
  await withHome({ '.aws/credentials': credentials, '.aws/config': config }, async (home) => {
    const profiles = await readSharedProfiles({ HOME: home });
    assert.deepEqual(profiles, [
      { name: 'default', hasCredentials: true },
      { name: 'team', hasCredentials: true },
      { name: 'plain', hasCredentials: false },
    ]);
  });
});

test('no files: no profiles', async () => {
  await withHome({}, async (home) => assert.deepEqual(await readSharedProfiles({ HOME: home }), []));
});

test('files named by AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE are read, and say so', async () => {
  await withHome({ 'elsewhere/creds': '[default]\ncredential_process = x\n' }, async (home) => {
    const env = {
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'elsewhere/creds'),
      AWS_CONFIG_FILE: join(home, 'none'),
    };
    assert.deepEqual(await readSharedProfiles({ HOME: home, ...env }), [
      { name: 'default', hasCredentials: true, fileVariable: 'AWS_SHARED_CREDENTIALS_FILE' },
    ]);
  });
});
