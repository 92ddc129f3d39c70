import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoteDotenv } from '../../src/cli/formats/format-dotenv.ts';
import { FormatError } from '../../src/cli/formats/format-error.ts';
import { FORMATS, formatCredentials, isFormat } from '../../src/cli/formats/output-formats.ts';
import type { AwsCredentials } from '../../src/credentials.ts';
import { ALL_SAMPLES, credentialsWith, secretAround } from './helpers/sample-values.ts';

const CREDS: AwsCredentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEBYaDH+token==',
  expiration: new Date('2030-01-02T03:04:05.000Z'),
};
const PERMANENT: AwsCredentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

test('the format list holds every format, each a named constant', () => {
  assert.deepEqual([...FORMATS], ['sh', 'fish', 'pwsh', 'cmd', 'json', 'dotenv', 'process']);
  assert.ok(isFormat('pwsh'));
  assert.ok(!isFormat('bash'));
});

test('sh exports every variable in single quotes, after removing the stale ones', () => {
  assert.equal(
    formatCredentials('sh', CREDS, { region: 'eu-west-1' }),
    [
      'unset AWS_SECURITY_TOKEN',
      'unset AWS_PROFILE',
      'unset AWS_DEFAULT_PROFILE',
      'unset AWS_ACCOUNT_ID',
      'unset AWS_CREDENTIAL_SCOPE',
      "export AWS_ACCESS_KEY_ID='ASIAEXAMPLE'",
      "export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'",
      "export AWS_SESSION_TOKEN='FwoGZXIvYXdzEBYaDH+token=='",
      "export AWS_CREDENTIAL_EXPIRATION='2030-01-02T03:04:05.000Z'",
      "export AWS_REGION='eu-west-1'",
      "export AWS_DEFAULT_REGION='eu-west-1'",
      '',
    ].join('\n'),
  );
});

test('sh unsets the session token and expiration when the credentials have none', () => {
  const output = formatCredentials('sh', PERMANENT);
  assert.match(output, /^unset AWS_SESSION_TOKEN$/m);
  assert.match(output, /^unset AWS_CREDENTIAL_EXPIRATION$/m);
  assert.doesNotMatch(output, /AWS_REGION/);
});

test('sh and fish escape quotes the way each shell reads them', () => {
  const creds = credentialsWith("it's \\", undefined);
  assert.match(formatCredentials('sh', creds), /^export AWS_SECRET_ACCESS_KEY='it'\\''s \\'$/m);
  assert.match(formatCredentials('fish', creds), /^set -gx AWS_SECRET_ACCESS_KEY 'it\\'s \\\\'$/m);
});

test('json holds the credentials and the region, and leaves out what is unknown', () => {
  assert.deepEqual(JSON.parse(formatCredentials('json', CREDS, { region: 'eu-west-1' })), {
    AccessKeyId: CREDS.accessKeyId,
    SecretAccessKey: CREDS.secretAccessKey,
    SessionToken: CREDS.sessionToken,
    Expiration: '2030-01-02T03:04:05.000Z',
    Region: 'eu-west-1',
  });
  assert.deepEqual(JSON.parse(formatCredentials('json', PERMANENT)), {
    AccessKeyId: 'AKIAEXAMPLE',
    SecretAccessKey: 'secret',
  });
});

test('process prints the credential_process document, version 1, on one line', () => {
  const output = formatCredentials('process', CREDS, { region: 'eu-west-1' });
  assert.equal(output.split('\n').length, 2);
  assert.deepEqual(JSON.parse(output), {
    Version: 1,
    AccessKeyId: CREDS.accessKeyId,
    SecretAccessKey: CREDS.secretAccessKey,
    SessionToken: CREDS.sessionToken,
    Expiration: '2030-01-02T03:04:05.000Z',
  });
  assert.deepEqual(JSON.parse(formatCredentials('process', PERMANENT)), {
    Version: 1,
    AccessKeyId: 'AKIAEXAMPLE',
    SecretAccessKey: 'secret',
  });
});

test('json and process give back every sample character exactly', () => {
  for (const [i, special] of ALL_SAMPLES.entries()) {
    const secret = secretAround(special, i);
    assert.equal(JSON.parse(formatCredentials('json', credentialsWith(secret))).SecretAccessKey, secret);
    assert.equal(JSON.parse(formatCredentials('process', credentialsWith(secret))).SessionToken, secret);
  }
});

test('dotenv writes real credentials bare, one variable per line', () => {
  assert.equal(quoteDotenv('X', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY=='), 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY==');
  assert.equal(
    formatCredentials('dotenv', CREDS, { region: 'eu-west-1' }),
    [
      'AWS_ACCESS_KEY_ID=ASIAEXAMPLE',
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'AWS_SESSION_TOKEN=FwoGZXIvYXdzEBYaDH+token==',
      'AWS_CREDENTIAL_EXPIRATION=2030-01-02T03:04:05.000Z',
      'AWS_REGION=eu-west-1',
      'AWS_DEFAULT_REGION=eu-west-1',
      '',
    ].join('\n'),
  );
  assert.equal(
    formatCredentials('dotenv', PERMANENT),
    'AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nAWS_SECRET_ACCESS_KEY=secret\n',
  );
});

for (const format of FORMATS) {
  test(`${format} refuses a value with a NUL, naming the variable and not the value`, () => {
    assert.throws(
      () => formatCredentials(format, credentialsWith('top\0hunter2')),
      (error: unknown) =>
        error instanceof FormatError && /NUL/.test(error.message) && !error.message.includes('hunter2'),
    );
  });

  test(`${format} refuses a value that is not valid Unicode`, () => {
    assert.throws(() => formatCredentials(format, credentialsWith('a\uD800b')), FormatError);
  });

  test(`${format} refuses an invalid expiration date rather than printing one`, () => {
    assert.throws(
      () => formatCredentials(format, { ...CREDS, expiration: new Date(Number.NaN) }),
      /not a valid date/,
    );
  });
}
