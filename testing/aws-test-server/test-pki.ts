// Certificates made at test time with the openssl CLI (keys with node:crypto), so no key is ever committed.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TestKeyType = 'rsa' | 'p256' | 'p384' | 'p521' | 'ed25519';

export interface TestCertificate {
  readonly certificatePem: string;
  readonly key: KeyObject;
  /** PKCS#8 PEM, unencrypted. */
  readonly keyPem: string;
  readonly subject: string;
}

export interface IssueOptions {
  readonly subject: string;
  readonly keyType?: TestKeyType;
  /** The keyUsage extension's value; null leaves the extension out. */
  readonly keyUsage?: string | null;
  readonly ca?: boolean;
  /** Validity in days; -1 gives a certificate that expired a day ago. */
  readonly days?: number;
  readonly serialHex?: string;
}

export function newTestKey(type: TestKeyType): KeyObject {
  if (type === 'rsa') return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  if (type === 'ed25519') return generateKeyPairSync('ed25519').privateKey;
  const namedCurve = { p256: 'P-256', p384: 'P-384', p521: 'P-521' }[type];
  return generateKeyPairSync('ec', { namedCurve }).privateKey;
}

function pkcs8(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Issues a certificate signed by `issuer`, or self-signed without one. Runs openssl in a private temp dir. */
export function issueTestCertificate(options: IssueOptions, issuer?: TestCertificate): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'test-pki-'));
  try {
    const key = newTestKey(options.keyType ?? 'p256');
    const keyPem = pkcs8(key);
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text, { mode: 0o600 });
      return path;
    };
    const keyPath = file('key.pem', keyPem);
    const usage =
      options.keyUsage === undefined
        ? options.ca
          ? 'critical,keyCertSign,cRLSign'
          : 'critical,digitalSignature'
        : options.keyUsage;
    const extensions = [
      `basicConstraints=critical,CA:${options.ca ? 'TRUE' : 'FALSE'}`,
      ...(usage === null ? [] : [`keyUsage=${usage}`]),
      'subjectKeyIdentifier=hash',
      ...(issuer ? ['authorityKeyIdentifier=keyid'] : []),
    ];
    const certPath = join(dir, 'cert.pem');
    const openssl = (args: string[]) =>
      execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const signer = issuer
      ? ['-CA', file('ca.pem', issuer.certificatePem), '-CAkey', file('ca.key', issuer.keyPem)]
      : [];
    const serial = ['-set_serial', `0x${options.serialHex ?? randomSerialHex()}`];
    const days = options.days ?? 2;
    if (days > 0) {
      // One process: `req -x509` signs with the issuer itself; its config holds exactly these extensions.
      const config = file(
        'req.cnf',
        `[req]\ndistinguished_name = dn\nx509_extensions = ext\n[dn]\n[ext]\n${extensions.join('\n')}\n`,
      );
      openssl(
        [
          'req',
          '-x509',
          '-new',
          '-config',
          config,
          '-key',
          keyPath,
          '-subj',
          options.subject,
          ...signer,
        ].concat([...serial, '-days', String(days), '-sha256', '-out', certPath]),
      );
    } else {
      // `req` refuses a validity in the past; `x509 -req` takes it.
      const csrPath = join(dir, 'req.csr');
      openssl(['req', '-new', '-key', keyPath, '-subj', options.subject, '-out', csrPath]);
      const extFile = file('ext.cnf', `${extensions.join('\n')}\n`);
      openssl(
        ['x509', '-req', '-in', csrPath, ...(issuer ? signer : ['-signkey', keyPath]), ...serial].concat([
          '-days',
          String(days),
          '-extfile',
          extFile,
          '-sha256',
          '-out',
          certPath,
        ]),
      );
    }
    return { certificatePem: readFileSync(certPath, 'utf8'), key, keyPem, subject: options.subject };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10; // positive, with no leading zero byte
  return Buffer.from(bytes).toString('hex');
}

/** A root CA, an intermediate and a way to issue leaves from either. */
export function newTestPki(keyType: TestKeyType = 'p256') {
  const root = issueTestCertificate({ subject: '/CN=Test Root CA', ca: true, keyType, days: 30 });
  const intermediate = issueTestCertificate(
    { subject: '/CN=Test Intermediate CA', ca: true, keyType, days: 30 },
    root,
  );
  return { root, intermediate };
}
