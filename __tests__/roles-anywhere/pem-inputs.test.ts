// Reading the certificate and private-key inputs: every form in scope is accepted, everything else is
// refused with an error that names the input.
import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { readCertificateChain, readPrivateKey } from '../../src/sources/roles-anywhere/pem-inputs.ts';
import { issueTestCertificate, newTestKey, newTestPki } from '../../testing/aws-test-server/test-pki.ts';

const PASS = 'correct horse battery staple';
let rsa: KeyObject;
let p256: KeyObject;
let p384: KeyObject;
let pki: ReturnType<typeof newTestPki>;
before(() => {
  [rsa, p256, p384] = [newTestKey('rsa'), newTestKey('p256'), newTestKey('p384')];
  pki = newTestPki();
});

const pem = (key: KeyObject, type: 'pkcs8' | 'pkcs1' | 'sec1', encrypted = false) =>
  key
    .export({
      type,
      format: 'pem',
      ...(encrypted ? { cipher: 'aes-256-cbc', passphrase: PASS } : {}),
    } as never)
    .toString();

describe('readPrivateKey accepts', () => {
  const cases: [string, () => string, string | undefined, string][] = [
    ['RSA in PKCS#8', () => pem(rsa, 'pkcs8'), undefined, 'AWS4-X509-RSA-SHA256'],
    ['RSA in traditional form (PKCS#1)', () => pem(rsa, 'pkcs1'), undefined, 'AWS4-X509-RSA-SHA256'],
    ['EC P-256 in PKCS#8', () => pem(p256, 'pkcs8'), undefined, 'AWS4-X509-ECDSA-SHA256'],
    ['EC P-256 in traditional form (SEC1)', () => pem(p256, 'sec1'), undefined, 'AWS4-X509-ECDSA-SHA256'],
    [
      'EC P-384 in SEC1 after an EC PARAMETERS block',
      () => `-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n${pem(p384, 'sec1')}`,
      undefined,
      'AWS4-X509-ECDSA-SHA256',
    ],
    ['encrypted PKCS#8 with its passphrase', () => pem(p256, 'pkcs8', true), PASS, 'AWS4-X509-ECDSA-SHA256'],
    [
      'encrypted traditional RSA with its passphrase',
      () => pem(rsa, 'pkcs1', true),
      PASS,
      'AWS4-X509-RSA-SHA256',
    ],
    [
      'a key with CRLF line ends',
      () => pem(p256, 'pkcs8').replaceAll('\n', '\r\n'),
      undefined,
      'AWS4-X509-ECDSA-SHA256',
    ],
  ];
  for (const [name, text, passphrase, algorithm] of cases) {
    it(name, () => {
      assert.equal(readPrivateKey(text(), passphrase).algorithm, algorithm);
    });
  }
});

describe('readPrivateKey refuses', () => {
  const cases: [string, () => string, string | undefined, string, RegExp][] = [
    [
      'an encrypted key without a passphrase',
      () => pem(p256, 'pkcs8', true),
      undefined,
      'private-key',
      /encrypted and no passphrase/,
    ],
    [
      'an encrypted traditional key with the wrong passphrase',
      () => pem(rsa, 'pkcs1', true),
      'wrong',
      'private-key-passphrase',
      /does not decrypt/,
    ],
    [
      'an encrypted PKCS#8 key with the wrong passphrase',
      () => pem(p256, 'pkcs8', true),
      'wrong',
      'private-key-passphrase',
      /does not decrypt/,
    ],
    [
      'an EC key on P-521',
      () => pem(newTestKey('p521'), 'pkcs8'),
      undefined,
      'private-key',
      /curve secp521r1/,
    ],
    ['an Ed25519 key', () => pem(newTestKey('ed25519'), 'pkcs8'), undefined, 'private-key', /ed25519 key/],
    [
      'a certificate instead of a key',
      () => pki.root.certificatePem,
      undefined,
      'private-key',
      /no PEM private key/,
    ],
    ['an empty value', () => '', undefined, 'private-key', /no PEM private key/],
    [
      'a damaged key',
      () => pem(p256, 'pkcs8').replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'),
      undefined,
      'private-key',
      /not a readable private key/,
    ],
  ];
  for (const [name, text, passphrase, input, problem] of cases) {
    it(name, () => {
      const value = text();
      assert.throws(
        () => readPrivateKey(value, passphrase),
        (error: unknown) => {
          assert.ok(error instanceof InputError, String(error));
          assert.equal(error.input, input);
          assert.match(error.message, problem);
          const body = value.split('\n').find((line) => line.length > 20 && !line.startsWith('-----'));
          if (body) assert.ok(!error.message.includes(body), 'the message quotes the key');
          return true;
        },
      );
    });
  }
});

describe('readCertificateChain', () => {
  it('reads the leaf first, then the intermediates, in the order given', () => {
    const leaf = issueTestCertificate({ subject: '/CN=runner-2' }, pki.intermediate);
    const chain = readCertificateChain(`${leaf.certificatePem}\n${pki.intermediate.certificatePem}`);
    assert.deepEqual(
      chain.map((certificate) => certificate.subject),
      ['CN=runner-2', 'CN=Test Intermediate CA'],
    );
  });

  const refusals: [string, () => string, RegExp][] = [
    ['no certificate at all', () => 'not a pem', /no PEM certificate/],
    [
      'a private key pasted into it',
      () => `${pki.root.certificatePem}${pki.root.keyPem}`,
      /holds a private key/,
    ],
    [
      'a damaged certificate',
      () => pki.root.certificatePem.replace(/\n[A-Za-z0-9+/]{16}/, '\nAAAAAAAAAAAAAAAA'),
      /certificate 1 of 1 is not a readable/,
    ],
  ];
  for (const [name, text, problem] of refusals) {
    it(`refuses ${name}`, () => {
      assert.throws(
        () => readCertificateChain(text()),
        (error: unknown) =>
          error instanceof InputError && error.input === 'certificate' && problem.test(error.message),
      );
    });
  }
});
