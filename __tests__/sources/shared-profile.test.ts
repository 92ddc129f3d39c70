// The CLI's profile source, through the SDK's fromIni: the profile's credentials masked, and each failure
// with the fix that fits it (an SSO profile gets `aws sso login`). The SDK reads the shared files from the
// process environment, so this file points it at its own home, inside its describe only.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SourceError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { fromSharedProfile } from '../../src/sources/shared-profile.ts';

const VARIABLES = ['HOME', 'USERPROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'];
const KEYS = { id: 'AKIAPROFILEKEYS00001', secret: 'profile-secret-key', token: 'profile-session-token' };
const CONFIG = [
  '[profile work]',
  'sso_session = corp',
  'sso_account_id = 444444444444',
  'sso_role_name = Dev',
  'region = us-east-1',
  '[sso-session corp]',
  'sso_region = us-east-1',
  'sso_start_url = https://example.awsapps.com/start',
  '',
].join('\n');
const CREDENTIALS = [
  '[keys]',
  `aws_access_key_id = ${KEYS.id}`,
  `aws_secret_access_key = ${KEYS.secret}`,
  `aws_session_token = ${KEYS.token}`,
  '',
].join('\n');

interface Row {
  name: string;
  profile: string | undefined;
  error?: { message: RegExp; fix: RegExp };
}

const ROWS: Row[] = [
  { name: 'a profile with keys and a session token: its credentials, masked', profile: 'keys' },
  {
    name: 'an SSO profile without a cached login: the fix is aws sso login for that profile',
    profile: 'work',
    error: {
      message: /could not get credentials from profile 'work'/,
      fix: /^Sign in again with: aws sso login --profile work$/,
    },
  },
  {
    name: 'a profile that is in neither file: the fix checks that profile',
    profile: 'missing',
    error: { message: /profile 'missing'/, fix: /aws sts get-caller-identity --profile missing$/ },
  },
  {
    name: 'no profile named: the fix names the flag',
    profile: undefined,
    error: { message: /no source profile is named/, fix: /--source-profile NAME/ },
  },
];

describe('the profile source', () => {
  const saved = new Map(VARIABLES.map((name) => [name, process.env[name]]));
  let home: string;
  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'shared-profile-'));
    await mkdir(join(home, '.aws'), { mode: 0o700 });
    // Files of this run's own: the SDK caches what it read by path.
    await writeFile(join(home, '.aws', 'config'), CONFIG, { mode: 0o600 });
    await writeFile(join(home, '.aws', 'credentials'), CREDENTIALS, { mode: 0o600 });
    for (const name of VARIABLES) delete process.env[name];
    process.env.HOME = home;
    process.env.USERPROFILE = home;
    process.env.AWS_CONFIG_FILE = join(home, '.aws', 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, '.aws', 'credentials');
  });
  after(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(home, { recursive: true, force: true });
  });

  for (const row of ROWS)
    test(row.name, async () => {
      const masked: string[] = [];
      const logger: Logger = { info() {}, debug() {}, warning() {}, mask: (secret) => masked.push(secret) };
      const run = fromSharedProfile({ profile: row.profile, logger })();
      if (!row.error) {
        const start = await run;
        assert.equal(start.kind, 'credentials');
        if (start.kind !== 'credentials') return;
        assert.equal(start.identity.credentials.accessKeyId, KEYS.id);
        assert.equal(start.identity.isRoleSession, true);
        assert.deepEqual(masked, [KEYS.secret, KEYS.token]);
        return;
      }
      const { message, fix } = row.error;
      await assert.rejects(run, (error: unknown) => {
        assert.ok(error instanceof SourceError, String(error));
        assert.match(error.message, message);
        assert.match(error.fix, fix);
        return true;
      });
      assert.deepEqual(masked, [], 'nothing to mask when nothing was read');
    });
});
