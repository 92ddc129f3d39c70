// The credentials document IMDS and the container agent answer with: every field checked as the SDKs
// check it (botocore, the JS SDK's fromHttp), each secret registered for masking before any check can
// fail, and the body never quoted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMetadataCredentials } from '../../src/sources/metadata-answer.ts';

const IN_AN_HOUR = new Date(Date.now() + 3_600_000).toISOString();
const GOOD = {
  AccessKeyId: 'ASIAMETADATA0000001',
  SecretAccessKey: 'meta-secret',
  Token: 'meta-token',
  Expiration: IN_AN_HOUR,
};

const ROWS: [name: string, document: unknown, error?: RegExp][] = [
  ['a complete answer', GOOD],
  ['no Token', { ...GOOD, Token: undefined }, /without a Token/],
  ['an empty Token', { ...GOOD, Token: '' }, /without a Token/],
  ['no Expiration', { ...GOOD, Expiration: undefined }, /without an Expiration date/],
  ['an Expiration of 0', { ...GOOD, Expiration: 0 }, /without an Expiration date/],
  [
    'an Expiration in epoch milliseconds',
    { ...GOOD, Expiration: 1_600_000_000_000 },
    /without an Expiration date/,
  ],
  ['an Expiration of null', { ...GOOD, Expiration: null }, /without an Expiration date/],
  ['an Expiration that is no date', { ...GOOD, Expiration: 'soon' }, /not a date/],
  ['an Expiration in the past', { ...GOOD, Expiration: '2020-01-01T00:00:00Z' }, /expired/],
  ['no secret key', { ...GOOD, SecretAccessKey: undefined }, /returned no credentials/],
];

for (const [name, document, error] of ROWS)
  test(`${name}: ${error ? 'refused' : 'taken'}`, () => {
    const registered: string[] = [];
    const body = JSON.stringify(document);
    const parse = () => parseMetadataCredentials(body, 'IMDS', (secret) => registered.push(secret), {});
    if (!error) {
      const credentials = parse();
      assert.equal(credentials.sessionToken, GOOD.Token);
      assert.equal(credentials.expiration.toISOString(), IN_AN_HOUR);
    } else
      assert.throws(parse, (thrown: unknown) => {
        assert.match(String((thrown as Error).message), error);
        assert.ok(!String((thrown as Error).message).includes('meta-secret'), 'the body is never quoted');
        return true;
      });
    for (const secret of [GOOD.SecretAccessKey, GOOD.Token])
      if (body.includes(`"${secret}"`)) assert.ok(registered.includes(secret), `${secret} registered`);
  });
