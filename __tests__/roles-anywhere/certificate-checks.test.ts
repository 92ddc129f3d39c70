// The checks that run before CreateSession is sent, each refusing with an error that names the input.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import {
  CLOCK_SKEW_MS,
  checkCredentials,
  describeCertificate,
} from '../../src/sources/roles-anywhere/certificate-checks.ts';
import { digitalSignatureUsage } from '../../src/sources/roles-anywhere/key-usage.ts';
import { readCertificateChain } from '../../src/sources/roles-anywhere/pem-inputs.ts';
import {
  issueTestCertificate,
  newTestPki,
  type TestCertificate,
} from '../../testing/aws-test-server/test-pki.ts';

let pki: ReturnType<typeof newTestPki>;
let leaf: TestCertificate;
let other: TestCertificate;
before(() => {
  pki = newTestPki();
  leaf = issueTestCertificate({ subject: '/CN=runner-1/O=Example', serialHex: '0a0b0c' }, pki.intermediate);
  other = issueTestCertificate({ subject: '/CN=someone-else' }, pki.intermediate);
});

const chainOf = (...certificates: TestCertificate[]) =>
  readCertificateChain(certificates.map((certificate) => certificate.certificatePem).join('\n'));
const validFrom = (certificate: TestCertificate) =>
  new Date(new X509Certificate(certificate.certificatePem).validFrom);
const validTo = (certificate: TestCertificate) =>
  new Date(new X509Certificate(certificate.certificatePem).validTo);

function refuses(run: () => void, input: string, problem: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof InputError, String(error));
    assert.equal(error.input, input);
    assert.match(error.message, problem);
    return true;
  });
}

describe('checkCredentials', () => {
  it('accepts a key, its certificate and the intermediate that issued it', () => {
    checkCredentials(chainOf(leaf, pki.intermediate), leaf.key, new Date());
  });

  it('refuses a key that does not belong to the certificate', () => {
    refuses(
      () => checkCredentials(chainOf(leaf), other.key, new Date()),
      'private-key',
      /does not belong to the certificate \(CN=runner-1, O=Example\)/,
    );
  });

  it('refuses an expired certificate, and accepts one that expired within the clock-skew margin', () => {
    const end = validTo(leaf).getTime();
    refuses(
      () => checkCredentials(chainOf(leaf), leaf.key, new Date(end + CLOCK_SKEW_MS + 1000)),
      'certificate',
      /the certificate expired at/,
    );
    checkCredentials(chainOf(leaf), leaf.key, new Date(end + CLOCK_SKEW_MS - 1000));
  });

  it('refuses a certificate that is not yet valid, beyond the clock-skew margin', () => {
    const start = validFrom(leaf).getTime();
    refuses(
      () => checkCredentials(chainOf(leaf), leaf.key, new Date(start - CLOCK_SKEW_MS - 1000)),
      'certificate',
      /not valid before/,
    );
    checkCredentials(chainOf(leaf), leaf.key, new Date(start - CLOCK_SKEW_MS + 1000));
  });

  it('refuses an expired certificate issued by openssl with a validity in the past', () => {
    const expired = issueTestCertificate({ subject: '/CN=old', days: -1 }, pki.root);
    refuses(() => checkCredentials(chainOf(expired), expired.key, new Date()), 'certificate', /expired/);
  });

  it('refuses an expired intermediate', () => {
    const intermediate = issueTestCertificate(
      { subject: '/CN=Old Intermediate', ca: true, days: -1 },
      pki.root,
    );
    const under = issueTestCertificate({ subject: '/CN=runner-3' }, intermediate);
    refuses(
      () => checkCredentials(chainOf(under, intermediate), under.key, new Date()),
      'certificate',
      /intermediate certificate 2 expired/,
    );
  });

  const usages: [string, string | null, RegExp][] = [
    ['no Key Usage extension', null, /has no Key Usage extension/],
    ['a Key Usage without digitalSignature', 'critical,keyEncipherment', /does not include digitalSignature/],
  ];
  for (const [name, keyUsage, problem] of usages) {
    it(`refuses a certificate with ${name}`, () => {
      const certificate = issueTestCertificate({ subject: '/CN=runner-4', keyUsage }, pki.root);
      refuses(
        () => checkCredentials(chainOf(certificate), certificate.key, new Date()),
        'certificate',
        problem,
      );
    });
  }

  it('refuses intermediates in the wrong order or from another chain', () => {
    const elsewhere = newTestPki().intermediate;
    refuses(
      () => checkCredentials(chainOf(leaf, elsewhere), leaf.key, new Date()),
      'certificate',
      /certificate 2 \(CN=Test Intermediate CA\) did not issue certificate 1/,
    );
    refuses(
      () => checkCredentials(chainOf(leaf, pki.root, pki.intermediate), leaf.key, new Date()),
      'certificate',
      /did not issue/,
    );
  });
});

describe('digitalSignatureUsage', () => {
  it('reads the Key Usage bits of real certificates', () => {
    const usage = (keyUsage: string | null) =>
      digitalSignatureUsage(
        Buffer.from(
          new X509Certificate(issueTestCertificate({ subject: '/CN=k', keyUsage }).certificatePem).raw,
        ),
      );
    assert.equal(usage('digitalSignature,keyEncipherment'), 'digital-signature');
    assert.equal(usage('nonRepudiation'), 'other-usages');
    assert.equal(usage(null), 'absent');
    assert.equal(digitalSignatureUsage(Buffer.from([0x30, 0x05, 0x01])), 'unreadable');
  });
});

describe('describeCertificate', () => {
  it('shows subject, issuer, the serial in decimal and hex, and the validity', () => {
    const lines = describeCertificate(new X509Certificate(leaf.certificatePem));
    assert.equal(lines[0], 'subject: CN=runner-1, O=Example');
    assert.equal(lines[1], 'issuer: CN=Test Intermediate CA');
    assert.equal(lines[2], 'serial: 658188 (hex 0A0B0C)');
    assert.match(lines[3] ?? '', /^valid: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ to \d{4}-/);
  });
});
