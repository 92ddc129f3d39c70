// The fish format and universal variables: `set -Ux AWS_PROFILE dev` outlives the global erase (which
// must never delete the user's universal one), so the output names it on stderr with the fix. Run by
// the real fish, with a home of its own.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatCredentials } from '../../src/cli/formats/output-formats.ts';
import { FISH } from '../../testing/system-tools.ts';

const CREDS = { accessKeyId: 'ASIANEW', secretAccessKey: 'new-secret', sessionToken: 'new-token' };

test('a universal AWS_PROFILE is left alone and named on stderr; the output still sources cleanly', {
  skip: existsSync(FISH) ? false : `no ${FISH}`,
}, async (t) => {
  const home = await mkdtemp(join(tmpdir(), 'fish-universal-'));
  t.after(() => rm(home, { recursive: true, force: true }));
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), PATH: process.env.PATH ?? '' };
  execFileSync(FISH, ['-c', 'set -Ux AWS_PROFILE dev'], { env });
  const script = join(home, 'credentials.fish');
  await writeFile(script, formatCredentials('fish', CREDS));
  const run = spawnSync(FISH, ['-c', `source ${script}; and echo "status=$status key=$AWS_ACCESS_KEY_ID"`], {
    env,
    encoding: 'utf8',
  });
  assert.match(run.stdout, /^status=0 key=ASIANEW$/m);
  assert.match(run.stderr, /the universal variable AWS_PROFILE is still set.*set -e -U AWS_PROFILE/);
  const still = execFileSync(FISH, ['-c', 'set -q -U AWS_PROFILE; and echo kept'], { env });
  assert.equal(String(still).trim(), 'kept', "the user's universal variable is never deleted");
});
