import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildExecEnv } from '../../src/cli/exec/exec-environment.ts';
import type { AwsCredentials } from '../../src/credentials.ts';

const CREDS: AwsCredentials = {
  accessKeyId: 'ASIANEW',
  secretAccessKey: 'new-secret',
  sessionToken: 'new-token',
  expiration: new Date('2030-01-02T03:04:05.000Z'),
};

const STALE: Record<string, string> = {
  AWS_PROFILE: 'dev',
  AWS_DEFAULT_PROFILE: 'dev',
  AWS_ACCESS_KEY_ID: 'AKIAOLD',
  AWS_SECRET_ACCESS_KEY: 'old-secret',
  AWS_SESSION_TOKEN: 'old-token',
  AWS_SECURITY_TOKEN: 'old-token',
  AWS_CREDENTIAL_EXPIRATION: '2000-01-01T00:00:00Z',
  AWS_SESSION_EXPIRATION: '2000-01-01T00:00:00Z',
  AWS_ACCESS_KEY: 'AKIAOLD',
  AWS_SECRET_KEY: 'old-secret',
  AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/token',
  AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/old',
  AWS_ROLE_SESSION_NAME: 'old',
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x',
  AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials',
  AWS_CONTAINER_AUTHORIZATION_TOKEN: 'token',
  AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/var/run/secrets/pod-identity',
  AWS_ACCOUNT_ID: '999999999999',
  AWS_CREDENTIAL_SCOPE: 'us-east-1',
};

test('the child gets the new credentials and none of the variables that would override them', () => {
  const env = buildExecEnv({ ...STALE, PATH: '/usr/bin', HOME: '/home/me' }, CREDS);
  assert.deepEqual(env, {
    PATH: '/usr/bin',
    HOME: '/home/me',
    AWS_ACCESS_KEY_ID: 'ASIANEW',
    AWS_SECRET_ACCESS_KEY: 'new-secret',
    AWS_SESSION_TOKEN: 'new-token',
    AWS_CREDENTIAL_EXPIRATION: '2030-01-02T03:04:05.000Z',
  });
});

test('the child keeps unrelated AWS settings such as config file paths and endpoints', () => {
  const kept = {
    AWS_CONFIG_FILE: '/tmp/config',
    AWS_SHARED_CREDENTIALS_FILE: '/tmp/credentials',
    AWS_ENDPOINT_URL: 'http://localhost:4566',
    AWS_REGION: 'us-east-2',
  };
  const env = buildExecEnv(kept, CREDS);
  for (const [name, value] of Object.entries(kept)) assert.equal(env[name], value, name);
});

test('a known region replaces both region variables', () => {
  const env = buildExecEnv({ AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-east-2' }, CREDS, 'eu-west-1');
  assert.equal(env.AWS_REGION, 'eu-west-1');
  assert.equal(env.AWS_DEFAULT_REGION, 'eu-west-1');
});

test('credentials without a session token or expiration leave neither behind', () => {
  const env = buildExecEnv(STALE, { accessKeyId: 'AKIANEW', secretAccessKey: 'new' });
  assert.deepEqual(env, { AWS_ACCESS_KEY_ID: 'AKIANEW', AWS_SECRET_ACCESS_KEY: 'new' });
});

test('names are matched without regard to case, as Windows does', () => {
  const env = buildExecEnv(
    { Aws_Profile: 'dev', aws_session_token: 'old', aws_container_credentials_full_uri: 'x' },
    {
      accessKeyId: 'AKIANEW',
      secretAccessKey: 'new',
    },
  );
  assert.deepEqual(env, { AWS_ACCESS_KEY_ID: 'AKIANEW', AWS_SECRET_ACCESS_KEY: 'new' });
});

test('undefined parent values are dropped and the parent is not changed', () => {
  const parent = { PATH: '/bin', EMPTY: undefined, AWS_PROFILE: 'dev' };
  const env = buildExecEnv(parent, CREDS);
  assert.ok(!('EMPTY' in env));
  assert.deepEqual(parent, { PATH: '/bin', EMPTY: undefined, AWS_PROFILE: 'dev' });
});
