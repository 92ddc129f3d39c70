// The CLI cache's key: what chooses the source or says whose it is changes the key, so one identity's
// cached credentials are never handed out for another; secrets never enter it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCliSettings } from '../../src/cli/args/cli-settings.ts';
import { requestKey } from '../../src/cli/cache/cached-or-fresh.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const key = (env: NodeJS.ProcessEnv) =>
  requestKey(
    parseCliSettings((name) => (name === 'role-arn' ? ROLE : ''), env, { defaultSessionName: 'me' }),
    env,
  );
const BASE: NodeJS.ProcessEnv = { AWS_PROFILE: 'a' };

const ANOTHER_IDENTITY: [name: string, env: NodeJS.ProcessEnv][] = [
  ['another AWS_PROFILE', { AWS_PROFILE: 'b' }],
  ['no AWS_PROFILE (the default profile)', { AWS_PROFILE: undefined }],
  ['another access key', { AWS_ACCESS_KEY_ID: 'AKIAOTHER' }],
  ['a container agent', { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:9/creds' }],
  ['a token file', { AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token' }],
  ['another config file', { AWS_CONFIG_FILE: '/tmp/other-config' }],
];
for (const [name, change] of ANOTHER_IDENTITY)
  test(`${name} is another entry`, () => assert.notEqual(key({ ...BASE, ...change }), key(BASE)));

const SAME_IDENTITY: [name: string, env: NodeJS.ProcessEnv][] = [
  ['a secret key', { AWS_SECRET_ACCESS_KEY: 'secret' }],
  ['a session token', { AWS_SESSION_TOKEN: 'token' }],
  ['an unrelated variable', { TERM: 'xterm' }],
];
for (const [name, change] of SAME_IDENTITY)
  test(`${name} leaves the key as it is (no secret enters it)`, () =>
    assert.equal(key({ ...BASE, ...change }), key(BASE)));
