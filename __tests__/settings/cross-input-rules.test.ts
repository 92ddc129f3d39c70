import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { parse } from './input-reader.ts';

const IRSA = {
  AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/runner',
  AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
};

describe('EKS IRSA role from AWS_ROLE_ARN', () => {
  it('assumes AWS_ROLE_ARN with the token file when source is web-identity and no role-arn is given', () => {
    const settings = parse({ source: 'web-identity' }, IRSA);
    assert.equal(settings.source, 'web-identity');
    assert.deepEqual(settings.roleArns, [IRSA.AWS_ROLE_ARN]);
  });

  it('lets auto pick web-identity with AWS_ROLE_ARN when nothing is chosen before it', () => {
    const settings = parse({}, IRSA);
    assert.equal(settings.source, 'web-identity');
    assert.deepEqual(settings.roleArns, [IRSA.AWS_ROLE_ARN]);
  });

  it('leaves auto alone when a GitHub OIDC token could be requested', () => {
    const settings = parse({}, { ...IRSA, ACTIONS_ID_TOKEN_REQUEST_URL: 'https://example.invalid/token' });
    assert.equal(settings.source, 'auto');
    assert.deepEqual(settings.roleArns, []);
  });

  it('prefers the role-arn input to AWS_ROLE_ARN', () => {
    const role = 'arn:aws:iam::210987654321:role/deploy';
    const settings = parse({ source: 'web-identity', 'role-arn': role }, IRSA);
    assert.deepEqual(settings.roleArns, [role]);
  });

  it('refuses a malformed AWS_ROLE_ARN, naming where it came from', () => {
    assert.throws(
      () => parse({ source: 'web-identity' }, { ...IRSA, AWS_ROLE_ARN: 'runner' }),
      (error: unknown) => error instanceof InputError && /AWS_ROLE_ARN: hop 1/.test(error.message),
    );
  });
});

describe('session policies with profiles', () => {
  const POLICY = '{"Version":"2012-10-17","Statement":[]}';
  const HUB = 'arn:aws:iam::111111111111:role/hub';

  it('refuses policies when some profiles end at role-arn and others have roles of their own', () => {
    assert.throws(
      () =>
        parse({
          'role-arn': HUB,
          profiles: 'hub:\ndev: arn:aws:iam::222222222222:role/dev',
          'inline-session-policy': POLICY,
          'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
          'aws-secret-access-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        }),
      (error: unknown) => error instanceof InputError && error.input === 'inline-session-policy',
    );
  });

  it('accepts policies when every profile has its own role', () => {
    const settings = parse({
      'role-arn': HUB,
      profiles: 'dev: arn:aws:iam::222222222222:role/dev',
      'inline-session-policy': POLICY,
      'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
      'aws-secret-access-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    assert.equal(settings.profiles.length, 1);
  });
});

describe('profiles and refresh need assumed roles', () => {
  const KEYS = {
    'aws-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
    'aws-secret-access-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  };

  it("refuses 'profile' without role-arn, so the source's own keys never go into a file", () => {
    assert.throws(
      () => parse({ ...KEYS, profile: 'dev' }),
      (error: unknown) => error instanceof InputError && error.input === 'profile',
    );
  });

  for (const source of ['env', 'keys']) {
    it(`refuses refresh with source ${source}, which nothing can renew later`, () => {
      const inputs = {
        source,
        'role-arn': 'arn:aws:iam::111111111111:role/a',
        profile: 'dev',
        refresh: 'true',
      };
      assert.throws(
        () => parse(source === 'keys' ? { ...inputs, ...KEYS } : inputs),
        (error: unknown) => error instanceof InputError && error.input === 'refresh',
      );
    });
  }
});
