import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceError } from '../../src/errors.ts';
import { containerAuthorization, containerCredentialsUrl } from '../../src/sources/container-endpoint.ts';

describe('container credential endpoint', () => {
  it('puts RELATIVE_URI on the ECS agent', () => {
    const url = containerCredentialsUrl({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc' });
    assert.equal(url.href, 'http://169.254.170.2/v2/credentials/abc');
  });

  const notSingleSlash = [
    '//evil.example/x',
    '//169.254.170.2:80/x',
    '///x',
    '/\\evil.example/x',
    'http://evil.example/x',
    'v2/credentials/abc',
    '/v2/credentials/a b',
    '/v2/credentials/abc\n::set-output name=x::y',
  ];
  for (const relative of notSingleSlash) {
    it(`refuses RELATIVE_URI ${JSON.stringify(relative)}: only a single-slash path on the ECS agent`, () => {
      assert.throws(
        () => containerCredentialsUrl({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: relative }),
        (error: unknown) =>
          error instanceof SourceError &&
          /AWS_CONTAINER_CREDENTIALS_RELATIVE_URI .* must start with exactly one \//.test(error.message) &&
          !error.message.includes('\n'),
      );
    });
  }

  it('accepts a loopback or agent FULL_URI over http, and any over https', () => {
    for (const full of [
      'http://127.0.0.1:8080/creds',
      'http://169.254.170.23/v1/credentials',
      'https://example.com/c',
    ]) {
      assert.equal(containerCredentialsUrl({ AWS_CONTAINER_CREDENTIALS_FULL_URI: full }).href, full);
    }
  });

  it('refuses a FULL_URI over plain http to another host, or one that is not a URL', () => {
    for (const full of ['http://example.com/creds', 'not a url']) {
      assert.throws(() => containerCredentialsUrl({ AWS_CONTAINER_CREDENTIALS_FULL_URI: full }), SourceError);
    }
  });

  it('sends the authorization token with FULL_URI only', async () => {
    const token = 'token-value';
    assert.equal(
      await containerAuthorization({
        AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1/c',
        AWS_CONTAINER_AUTHORIZATION_TOKEN: token,
      }),
      token,
    );
    assert.equal(
      await containerAuthorization({
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/c',
        AWS_CONTAINER_AUTHORIZATION_TOKEN: token,
      }),
      undefined,
    );
  });
});
