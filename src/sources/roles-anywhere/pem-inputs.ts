import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { InputError } from '../../errors.ts';
import { RolesAnywhereInputs as Names } from './names.ts';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n[\s\S]*?-----END \1-----/g;
const KEY_LABEL = /PRIVATE KEY$/;
const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384' };

/** The signing algorithms of SigV4-X.509, by key type. */
export type X509Algorithm = 'AWS4-X509-RSA-SHA256' | 'AWS4-X509-ECDSA-SHA256';

export interface SigningKey {
  readonly key: KeyObject;
  readonly algorithm: X509Algorithm;
}

/** The certificate input: the leaf first, then any intermediates, each a PEM CERTIFICATE block. */
export function readCertificateChain(pem: string): X509Certificate[] {
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  if (blocks.some((block) => KEY_LABEL.test(block[1] ?? ''))) {
    throw new InputError(
      Names.certificate,
      'it holds a private key',
      `Put only certificates in ${Names.certificate}, and the key in ${Names.privateKey}`,
    );
  }
  const certificates = blocks.filter((block) => block[1] === 'CERTIFICATE');
  if (certificates.length === 0) {
    throw new InputError(
      Names.certificate,
      'it holds no PEM certificate (-----BEGIN CERTIFICATE-----)',
      'Give the end-entity certificate in PEM form, optionally followed by its intermediates',
    );
  }
  return certificates.map((block, index) => {
    try {
      return new X509Certificate(block[0]);
    } catch {
      throw new InputError(
        Names.certificate,
        `certificate ${index + 1} of ${certificates.length} is not a readable X.509 certificate`,
        'Copy the PEM again, whole, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----',
      );
    }
  });
}

/** The private-key input: RSA, or EC on P-256 or P-384, in PKCS#8 or traditional form, maybe encrypted. */
export function readPrivateKey(pem: string, passphrase: string | undefined): SigningKey {
  const block = [...pem.matchAll(PEM_BLOCK)].find((found) => KEY_LABEL.test(found[1] ?? ''));
  if (!block) {
    throw new InputError(
      Names.privateKey,
      'it holds no PEM private key (-----BEGIN ... PRIVATE KEY-----)',
      'Give the certificate’s private key in PEM form; PKCS#12 (.p12, .pfx) is not supported: convert it with openssl pkcs12 -nocerts',
    );
  }
  const key = decodeKey(block[0], passphrase);
  if (key.asymmetricKeyType === 'rsa') return { key, algorithm: 'AWS4-X509-RSA-SHA256' };
  const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
  if (key.asymmetricKeyType === 'ec' && CURVES[curve]) return { key, algorithm: 'AWS4-X509-ECDSA-SHA256' };
  const kind =
    key.asymmetricKeyType === 'ec' ? `an EC key on curve ${curve}` : `a ${key.asymmetricKeyType} key`;
  throw new InputError(
    Names.privateKey,
    `it is ${kind}`,
    'IAM Roles Anywhere signs with RSA or with EC on P-256 or P-384: issue a certificate for such a key',
  );
}

function decodeKey(pem: string, passphrase: string | undefined): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase ?? '' });
  } catch (error) {
    const encrypted = /ENCRYPTED/.test(pem);
    if (encrypted && !passphrase) {
      throw new InputError(
        Names.privateKey,
        'it is encrypted and no passphrase is given',
        `Give the passphrase in ${Names.passphrase}`,
      );
    }
    if (encrypted) {
      throw new InputError(
        Names.passphrase,
        'it does not decrypt the private key',
        `Give the passphrase the key was encrypted with`,
      );
    }
    // The reason comes from OpenSSL and never quotes the key.
    const reason = (error as { code?: string }).code ?? 'unreadable';
    throw new InputError(
      Names.privateKey,
      `it is not a readable private key (${reason})`,
      'Copy the PEM again, whole, including its BEGIN and END lines',
    );
  }
}
