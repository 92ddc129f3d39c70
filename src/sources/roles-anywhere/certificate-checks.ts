import type { KeyObject, X509Certificate } from 'node:crypto';
import { InputError } from '../../errors.ts';
import { digitalSignatureUsage } from './key-usage.ts';
import { RolesAnywhereInputs as Names } from './names.ts';

/** How far this machine's clock may be off before a certificate near its edges is refused here. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** What a person needs to recognise a certificate, and to check a trust policy's x509Subject condition. */
export function describeCertificate(certificate: X509Certificate): string[] {
  return [
    `subject: ${oneLine(certificate.subject)}`,
    `issuer: ${oneLine(certificate.issuer)}`,
    `serial: ${serialDecimal(certificate)} (hex ${certificate.serialNumber})`,
    `valid: ${isoDate(new Date(certificate.validFrom))} to ${isoDate(new Date(certificate.validTo))}`,
  ];
}

/** The certificate's serial number in decimal: the SigV4-X.509 credential. */
export function serialDecimal(certificate: X509Certificate): string {
  return BigInt(`0x${certificate.serialNumber}`).toString(10);
}

/**
 * Everything that can be known to fail before CreateSession is sent: the key belongs to the leaf, the leaf
 * is valid now (with a margin for clock skew), may sign, and each certificate is issued by the next.
 */
export function checkCredentials(chain: readonly X509Certificate[], key: KeyObject, now: Date): void {
  const [leaf, ...intermediates] = chain;
  if (!leaf) throw new Error('checkCredentials needs at least the leaf certificate');
  if (!leaf.checkPrivateKey(key)) {
    throw new InputError(
      Names.privateKey,
      `it does not belong to the certificate (${oneLine(leaf.subject)})`,
      `Give the key the certificate was issued for, or the certificate of this key in ${Names.certificate}`,
    );
  }
  chain.forEach((certificate, index) => {
    checkValidity(certificate, index, now);
  });
  const usage = digitalSignatureUsage(Buffer.from(leaf.raw));
  if (usage !== 'digital-signature') {
    const problem =
      usage === 'absent'
        ? 'the certificate has no Key Usage extension'
        : usage === 'unreadable'
          ? 'the certificate’s Key Usage extension cannot be read'
          : 'the certificate’s Key Usage does not include digitalSignature';
    throw new InputError(
      Names.certificate,
      problem,
      'IAM Roles Anywhere accepts only certificates that may sign: issue one with keyUsage = digitalSignature',
    );
  }
  intermediates.forEach((issuer, index) => {
    const subject = chain[index] as X509Certificate;
    if (!subject.checkIssued(issuer) || !subject.verify(issuer.publicKey)) {
      throw new InputError(
        Names.certificate,
        `certificate ${index + 2} (${oneLine(issuer.subject)}) did not issue certificate ${index + 1} (${oneLine(subject.subject)})`,
        'Order the PEM blocks leaf first, then each issuer in turn; leave out the root CA, which the trust anchor holds',
      );
    }
  });
}

function checkValidity(certificate: X509Certificate, index: number, now: Date): void {
  const from = new Date(certificate.validFrom);
  const to = new Date(certificate.validTo);
  const which = index === 0 ? 'the certificate' : `intermediate certificate ${index + 1}`;
  if (now.getTime() + CLOCK_SKEW_MS < from.getTime()) {
    throw new InputError(
      Names.certificate,
      `${which} is not valid before ${isoDate(from)} (now ${isoDate(now)})`,
      'Wait until it is valid, or check the runner’s clock',
    );
  }
  if (now.getTime() - CLOCK_SKEW_MS > to.getTime()) {
    throw new InputError(
      Names.certificate,
      `${which} expired at ${isoDate(to)} (now ${isoDate(now)})`,
      'Issue a new certificate from the trust anchor’s CA and update the secret',
    );
  }
}

function isoDate(date: Date | undefined): string {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : 'unknown';
}

/** Distinguished names come one attribute per line; printed on one line, escaped by the logger. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}
