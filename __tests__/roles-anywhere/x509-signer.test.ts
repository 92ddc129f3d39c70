// The SigV4-X.509 signature, checked against a string-to-sign rebuilt here by hand from the documentation
// (not with the signer's canonicalisation), verified with node:crypto and, for RSA, reproduced by openssl.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { readCertificateChain, readPrivateKey } from '../../src/sources/roles-anywhere/pem-inputs.ts';
import { X509RequestSigner } from '../../src/sources/roles-anywhere/x509-signer.ts';
import {
  issueTestCertificate,
  newTestPki,
  type TestKeyType,
} from '../../testing/aws-test-server/test-pki.ts';

const NOW = new Date('2026-11-03T12:00:00Z');
const BODY = '{"durationSeconds":3600,"profileArn":"arn:aws:rolesanywhere:eu-west-1:123456789012:profile/p"}';
const URL_ = new URL('https://rolesanywhere.eu-west-1.amazonaws.com/sessions');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const der = (pem: string) => Buffer.from(new X509Certificate(pem).raw).toString('base64');

/** The documented string to sign, built line by line for this one request. */
function expectedStringToSign(algorithm: string, leafPem: string, chainPems: string[]): string {
  const headers: [string, string][] = [
    ['content-type', 'application/json'],
    ['host', URL_.host],
    ['x-amz-date', '20261103T120000Z'],
    ['x-amz-x509', der(leafPem)],
  ];
  if (chainPems.length > 0) headers.push(['x-amz-x509-chain', chainPems.map(der).join(',')]);
  const canonical = [
    'POST',
    '/sessions',
    '',
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    headers.map(([name]) => name).join(';'),
    sha256(BODY),
  ].join('\n');
  return [
    algorithm,
    '20261103T120000Z',
    '20261103/eu-west-1/rolesanywhere/aws4_request',
    sha256(canonical),
  ].join('\n');
}

let pki: ReturnType<typeof newTestPki>;
before(() => {
  pki = newTestPki();
});

async function signWith(keyType: TestKeyType, withIntermediate: boolean) {
  const leaf = issueTestCertificate(
    { subject: '/CN=runner-1', keyType, serialHex: '7fedcba9876543210f' },
    withIntermediate ? pki.intermediate : pki.root,
  );
  const chainPems = withIntermediate ? [pki.intermediate.certificatePem] : [];
  const chain = readCertificateChain([leaf.certificatePem, ...chainPems].join('\n'));
  const key = readPrivateKey(leaf.keyPem, undefined);
  const signer = new X509RequestSigner('eu-west-1', key, chain);
  const signed = await signer.signRequest(
    { method: 'POST', url: URL_, headers: { 'content-type': 'application/json' }, body: BODY },
    NOW,
  );
  return { leaf, chainPems, algorithm: key.algorithm, signed };
}

function parseAuthorization(header: string) {
  const match = /^(\S+) Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(header);
  assert.ok(match, header);
  const [, algorithm = '', credential = '', signedHeaders = '', signature = ''] = match;
  return { algorithm, credential, signedHeaders, signature };
}

describe('X509RequestSigner', () => {
  for (const [keyType, algorithm] of [
    ['rsa', 'AWS4-X509-RSA-SHA256'],
    ['p256', 'AWS4-X509-ECDSA-SHA256'],
    ['p384', 'AWS4-X509-ECDSA-SHA256'],
  ] as const) {
    it(`signs the documented string to sign with a ${keyType} key (${algorithm})`, async () => {
      const { leaf, chainPems, signed } = await signWith(keyType, false);
      const auth = parseAuthorization(signed.headers.authorization ?? '');
      assert.equal(auth.algorithm, algorithm);
      // The credential is the serial number in decimal: 0x7fedcba9876543210f.
      assert.equal(
        auth.credential,
        `${BigInt('0x7fedcba9876543210f')}/20261103/eu-west-1/rolesanywhere/aws4_request`,
      );
      assert.equal(auth.signedHeaders, 'content-type;host;x-amz-date;x-amz-x509');
      assert.equal(signed.headers['x-amz-x509'], der(leaf.certificatePem));
      assert.equal(signed.headers['x-amz-date'], '20261103T120000Z');
      const expected = expectedStringToSign(algorithm, leaf.certificatePem, chainPems);
      assert.equal(signed.stringToSign, expected);
      const publicKey = new X509Certificate(leaf.certificatePem).publicKey;
      // ECDSA signatures are DER-encoded (r, s), node's default dsaEncoding.
      assert.ok(verify('sha256', Buffer.from(expected), publicKey, Buffer.from(auth.signature, 'hex')));
    });
  }

  it('sends intermediates comma-separated in X-Amz-X509-Chain and signs that header', async () => {
    const { leaf, chainPems, signed, algorithm } = await signWith('p256', true);
    assert.equal(signed.headers['x-amz-x509-chain'], chainPems.map(der).join(','));
    const auth = parseAuthorization(signed.headers.authorization ?? '');
    assert.equal(auth.signedHeaders, 'content-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain');
    const expected = expectedStringToSign(algorithm, leaf.certificatePem, chainPems);
    const publicKey = new X509Certificate(leaf.certificatePem).publicKey;
    assert.ok(verify('sha256', Buffer.from(expected), publicKey, Buffer.from(auth.signature, 'hex')));
  });

  it('gives the same RSA signature as openssl over the hand-built string to sign', async () => {
    const { leaf, chainPems, signed } = await signWith('rsa', false);
    const dir = mkdtempSync(join(tmpdir(), 'x509-vector-'));
    try {
      const keyPath = join(dir, 'key.pem');
      const dataPath = join(dir, 'string-to-sign');
      writeFileSync(keyPath, leaf.keyPem, { mode: 0o600 });
      writeFileSync(dataPath, expectedStringToSign('AWS4-X509-RSA-SHA256', leaf.certificatePem, chainPems));
      const reference = execFileSync('openssl', ['dgst', '-sha256', '-sign', keyPath, dataPath]).toString(
        'hex',
      );
      assert.equal(parseAuthorization(signed.headers.authorization ?? '').signature, reference);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
