// The roles-anywhere inputs: required with the source, refused without it, PEM inline or as a file path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { maskPem, parseRolesAnywhereSettings, pemValue } from '../../src/sources/roles-anywhere/inputs.ts';

const ANCHOR =
  'arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/0a1b2c3d-0000-4000-8000-000000000000';
const PROFILE = 'arn:aws:rolesanywhere:eu-west-1:123456789012:profile/4e5f6a7b-0000-4000-8000-000000000000';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\nByqGSM49AgEG\n-----END PRIVATE KEY-----\n';

const complete: Record<string, string> = {
  certificate: CERT,
  'private-key': KEY,
  'trust-anchor-arn': ANCHOR,
  'profile-arn': PROFILE,
};
const reader = (values: Record<string, string | undefined>) => (name: string) => values[name];

describe('parseRolesAnywhereSettings', () => {
  it('reads inline PEM, file paths and the ARNs', () => {
    const settings = parseRolesAnywhereSettings(
      reader({ ...complete, 'private-key': ' /etc/runner/key.pem ', 'private-key-passphrase': 'p' }),
      true,
    );
    assert.deepEqual(settings, {
      certificate: { text: CERT },
      privateKey: { path: '/etc/runner/key.pem' },
      passphrase: 'p',
      trustAnchorArn: ANCHOR,
      profileArn: PROFILE,
    });
  });

  for (const name of ['certificate', 'private-key', 'trust-anchor-arn', 'profile-arn']) {
    it(`refuses a missing ${name}, naming it`, () => {
      assert.throws(
        () => parseRolesAnywhereSettings(reader({ ...complete, [name]: undefined }), true),
        (error: unknown) =>
          error instanceof InputError && error.input === name && /required/.test(error.message),
      );
    });
  }

  it('refuses a profile ARN in trust-anchor-arn', () => {
    assert.throws(
      () => parseRolesAnywhereSettings(reader({ ...complete, 'trust-anchor-arn': PROFILE }), true),
      (error: unknown) => error instanceof InputError && error.input === 'trust-anchor-arn',
    );
  });

  it('refuses its inputs with another source, and ignores their absence', () => {
    assert.equal(parseRolesAnywhereSettings(reader({}), false), undefined);
    assert.throws(
      () => parseRolesAnywhereSettings(reader({ 'profile-arn': PROFILE }), false),
      (error: unknown) => error instanceof InputError && error.input === 'profile-arn',
    );
  });
});

describe('pemValue and maskPem', () => {
  it('takes a value with a PEM header as PEM, anything else as a path', () => {
    assert.deepEqual(pemValue(KEY), { text: KEY });
    assert.deepEqual(pemValue('keys/runner.pem\n'), { path: 'keys/runner.pem' });
  });

  it('masks each line of the key body, not the BEGIN and END lines', () => {
    const masked: string[] = [];
    maskPem({ mask: (value) => masked.push(value) }, KEY.replaceAll('\n', '\r\n'));
    assert.deepEqual(masked, ['MIGHAgEAMBMG', 'ByqGSM49AgEG']);
  });
});
