// Source choice for `auto`, one row per rule: the documented order, what makes each source available, and
// what the error lists when none is. IMDS is the local test server's, or a port nobody listens on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SourceError } from '../../src/errors.ts';
import { chooseSource } from '../../src/sources/choose-source.ts';
import {
  type AwsTestServer,
  containerEnv,
  imdsEnv,
  oidcEnv,
  startAwsTestServer,
} from '../../testing/aws-test-server/index.ts';
import { parse } from '../settings/input-reader.ts';
import { sourceContext } from './helpers/source-context.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const KEYS = { 'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE', 'aws-secret-access-key': 'x'.repeat(40) };
const ENV_KEYS = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'y'.repeat(40) };
const TOKEN_FILE = { AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/token' };
const IMDS_OFF = { AWS_EC2_METADATA_DISABLED: 'true' };

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

/** Every source available at once, from `first` on in the documented order. */
function availableFrom(first: string): { inputs: Record<string, string>; env: Record<string, string> } {
  const order = ['keys', 'oidc', 'web-identity', 'container', 'env', 'imds'];
  const on = new Set(order.slice(order.indexOf(first)));
  return {
    inputs: { 'role-arn': ROLE, ...(on.has('keys') ? KEYS : {}) },
    env: {
      ...(on.has('oidc') ? oidcEnv(server) : {}),
      ...(on.has('web-identity') ? TOKEN_FILE : {}),
      ...(on.has('container') ? containerEnv(server) : {}),
      ...(on.has('env') ? ENV_KEYS : {}),
      ...(on.has('imds') ? imdsEnv(server) : IMDS_OFF),
    },
  };
}

async function choose(inputs: Record<string, string>, env: Record<string, string>) {
  return chooseSource(parse(inputs, env), sourceContext(env));
}

describe('auto takes the first available source in the documented order', () => {
  const rows: [first: string, reason: RegExp][] = [
    ['keys', /^aws-access-key-id and aws-secret-access-key are given$/],
    ['oidc', /^an ID token can be requested and a role is given$/],
    ['web-identity', /^a token file is configured \(\/var\/run\/secrets\/token\)$/],
    ['container', /^container credential variables are set$/],
    ['env', /^AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are in the environment$/],
    ['imds', /^the EC2 instance metadata service answered$/],
  ];
  for (const [first, reason] of rows) {
    test(`${first}, when it and every later source are available`, async () => {
      const { inputs, env } = availableFrom(first);
      const choice = await choose(inputs, env);
      assert.equal(choice.name, first);
      assert.match(choice.reason, reason);
    });
  }
});

describe('what makes a source available, or not', () => {
  const rows: {
    name: string;
    inputs: Record<string, string>;
    env: () => Record<string, string>;
    chosen: string;
  }[] = [
    {
      name: 'an explicit source is taken as given, whatever else is available',
      inputs: { source: 'container', 'role-arn': ROLE },
      env: () => ({ ...IMDS_OFF, ...oidcEnv(server), ...ENV_KEYS }),
      chosen: 'container',
    },
    {
      name: 'an ID token without any role is passed over',
      inputs: {},
      env: () => ({
        ...IMDS_OFF,
        ...ENV_KEYS,
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      }),
      chosen: 'env',
    },
    {
      name: "a role only in a profile's chain is a role for oidc",
      inputs: { profiles: `dev: ${ROLE}` },
      env: () => ({ ...IMDS_OFF, ...oidcEnv(server) }),
      chosen: 'oidc',
    },
    {
      name: 'a token file without a role is passed over',
      inputs: {},
      env: () => ({ ...IMDS_OFF, ...TOKEN_FILE, ...ENV_KEYS }),
      chosen: 'env',
    },
    {
      name: 'the web-identity-token-file input counts as a token file',
      inputs: { 'role-arn': ROLE, 'web-identity-token-file': '/tmp/token' },
      env: () => IMDS_OFF,
      chosen: 'web-identity',
    },
    {
      name: 'EKS IRSA: AWS_ROLE_ARN beside the token file is the role',
      inputs: {},
      env: () => ({ ...IMDS_OFF, ...TOKEN_FILE, AWS_ROLE_ARN: ROLE }),
      chosen: 'web-identity',
    },
    {
      name: 'the relative container URI counts as container credentials too',
      inputs: {},
      env: () => ({ ...IMDS_OFF, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x' }),
      chosen: 'container',
    },
    {
      name: 'environment keys need both the key id and the secret',
      inputs: {},
      env: () => ({ ...imdsEnv(server), AWS_ACCESS_KEY_ID: ENV_KEYS.AWS_ACCESS_KEY_ID }),
      chosen: 'imds',
    },
  ];
  for (const row of rows) {
    test(row.name, async () => {
      assert.equal((await choose(row.inputs, row.env())).name, row.chosen);
    });
  }
});

describe('with nothing available, one error lists every source tried with its fix', () => {
  const rows: { name: string; env: () => Record<string, string>; lines: string[] }[] = [
    {
      name: 'IMDS switched off',
      env: () => IMDS_OFF,
      lines: [
        'keys: aws-access-key-id and aws-secret-access-key are not given',
        "oidc: no ID token can be requested (add 'permissions: id-token: write' to the job)",
        'web-identity: no token file with a role',
        'container: AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI are not set',
        'env: no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment',
        'imds: AWS_EC2_METADATA_DISABLED is true',
      ],
    },
    {
      name: 'IMDS not answering',
      // A port nobody listens on: the probe is refused at once.
      env: () => ({ AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9' }),
      lines: ['imds: no EC2 instance metadata service answered (self-hosted runners on EC2'],
    },
    {
      name: 'an ID token but no role',
      env: () => ({ ...IMDS_OFF, ...oidcEnv(server) }),
      lines: [
        'oidc: an ID token could be requested, but no role-arn is given to assume with it (set role-arn)',
      ],
    },
  ];
  for (const row of rows) {
    test(row.name, async () => {
      await assert.rejects(choose({}, row.env()), (error: unknown) => {
        assert.ok(error instanceof SourceError, String(error));
        assert.equal(error.source, 'auto');
        assert.match(error.message, /^Source 'auto': no source of credentials was found\. Tried:\n/);
        for (const line of row.lines) assert.ok(error.message.includes(`\n  - ${line}`), error.message);
        assert.equal(error.fix, 'Apply the fix for the source you mean to use, or set source explicitly');
        return true;
      });
    });
  }
});
