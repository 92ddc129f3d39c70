// Where CreateSession goes, and which trust anchor and profile ARNs are accepted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, SourceError } from '../../src/errors.ts';
import { parseRolesAnywhereArn } from '../../src/sources/roles-anywhere/arns.ts';
import { rolesAnywhereEndpoint } from '../../src/sources/roles-anywhere/endpoint.ts';

describe('rolesAnywhereEndpoint', () => {
  const cases: [string, string, string, NodeJS.ProcessEnv, string][] = [
    ['the regional default', 'eu-west-1', 'aws', {}, 'https://rolesanywhere.eu-west-1.amazonaws.com/'],
    ['the China partition', 'cn-north-1', 'aws-cn', {}, 'https://rolesanywhere.cn-north-1.amazonaws.com.cn/'],
    ['GovCloud', 'us-gov-west-1', 'aws-us-gov', {}, 'https://rolesanywhere.us-gov-west-1.amazonaws.com/'],
    [
      'FIPS',
      'us-east-2',
      'aws',
      { AWS_USE_FIPS_ENDPOINT: 'true' },
      'https://rolesanywhere-fips.us-east-2.amazonaws.com/',
    ],
    [
      'AWS_ENDPOINT_URL',
      'eu-west-1',
      'aws',
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' },
      'http://127.0.0.1:4566/',
    ],
    [
      'AWS_ENDPOINT_URL_ROLESANYWHERE before AWS_ENDPOINT_URL',
      'eu-west-1',
      'aws',
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_ROLESANYWHERE: 'https://ra.example.test' },
      'https://ra.example.test/',
    ],
  ];
  for (const [name, region, partition, env, expected] of cases) {
    it(`uses ${name}`, () => {
      assert.equal(rolesAnywhereEndpoint(region, partition, env).url.href, expected);
    });
  }

  it('refuses an endpoint variable that is not an http(s) URL, naming it', () => {
    assert.throws(
      () => rolesAnywhereEndpoint('eu-west-1', 'aws', { AWS_ENDPOINT_URL_ROLESANYWHERE: 'ftp://x' }),
      (error: unknown) =>
        error instanceof SourceError && /AWS_ENDPOINT_URL_ROLESANYWHERE/.test(error.message),
    );
  });

  it('asks for an endpoint in a partition it does not know', () => {
    assert.throws(
      () => rolesAnywhereEndpoint('us-iso-east-1', 'aws-iso', {}),
      (error: unknown) =>
        error instanceof SourceError && /AWS_ENDPOINT_URL_ROLESANYWHERE/.test(error.message),
    );
  });
});

describe('parseRolesAnywhereArn', () => {
  it('reads partition, region and account from a trust anchor ARN', () => {
    assert.deepEqual(
      parseRolesAnywhereArn(
        'arn:aws-cn:rolesanywhere:cn-north-1:123456789012:trust-anchor/0a1b2c3d-0000-4000-8000-000000000000',
        'trust-anchor',
      ),
      {
        partition: 'aws-cn',
        region: 'cn-north-1',
        accountId: '123456789012',
        id: '0a1b2c3d-0000-4000-8000-000000000000',
      },
    );
  });

  const refusals: [string, string | undefined, 'trust-anchor' | 'profile', string, RegExp][] = [
    ['nothing', undefined, 'trust-anchor', 'trust-anchor-arn', /required/],
    [
      'a role ARN',
      'arn:aws:iam::123456789012:role/x',
      'profile',
      'profile-arn',
      /is not an IAM Roles Anywhere profile ARN/,
    ],
    [
      'a profile ARN as trust anchor',
      'arn:aws:rolesanywhere:us-east-1:123456789012:profile/abc',
      'trust-anchor',
      'trust-anchor-arn',
      /a profile ARN, not a trust-anchor ARN/,
    ],
    [
      'a line break',
      'arn:aws:rolesanywhere:us-east-1:123456789012:profile/abc\nx',
      'profile',
      'profile-arn',
      /\\n/,
    ],
  ];
  for (const [name, value, kind, input, problem] of refusals) {
    it(`refuses ${name}, naming ${input}`, () => {
      assert.throws(
        () => parseRolesAnywhereArn(value, kind),
        (error: unknown) =>
          error instanceof InputError && error.input === input && problem.test(error.message),
      );
    });
  }
});
