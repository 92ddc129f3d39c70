import { InputError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { parseRolesAnywhereArn } from './arns.ts';
import { RolesAnywhereInputs as Names } from './names.ts';

/** PEM given inline (an action input, a variable) or as the path of a file read when the source runs. */
export type PemValue = { readonly text: string } | { readonly path: string };

/** The roles-anywhere inputs, checked; the role is the first ARN of role-arn. */
export interface RolesAnywhereSettings {
  readonly certificate: PemValue;
  readonly privateKey: PemValue;
  readonly passphrase?: string;
  readonly trustAnchorArn: string;
  readonly profileArn: string;
}

/** The CLI's variables for values that should not go on a command line. */
export const RolesAnywhereEnv = {
  certificate: 'ASSUME_AWS_ROLE_CERTIFICATE',
  privateKey: 'ASSUME_AWS_ROLE_PRIVATE_KEY',
  passphrase: 'ASSUME_AWS_ROLE_PRIVATE_KEY_PASSPHRASE',
} as const;

const PEM_MARK = '-----BEGIN ';

/** Registers every line of a PEM secret: the runner masks multi-line values line by line. */
export function maskPem(logger: Pick<Logger, 'mask'>, pem: string | undefined): void {
  for (const line of (pem ?? '').split(/\r?\n/)) {
    const text = line.trim();
    if (text && !text.startsWith('-----') && !/^(Proc-Type|DEK-Info):/.test(text)) logger.mask(text);
  }
}

/** A value holding PEM is the PEM itself; anything else is the path of a PEM file. */
export function pemValue(value: string): PemValue {
  return value.includes(PEM_MARK) ? { text: value } : { path: value.trim() };
}

/**
 * Reads and checks the roles-anywhere inputs. `read` returns an input's value, or undefined when it is not
 * given. With another source, giving any of them is refused, so a typo in `source` is not silently ignored.
 */
export function parseRolesAnywhereSettings(
  read: (name: string) => string | undefined,
  sourceIsRolesAnywhere: boolean,
): RolesAnywhereSettings | undefined {
  const names = [
    Names.certificate,
    Names.privateKey,
    Names.passphrase,
    Names.trustAnchorArn,
    Names.profileArn,
  ];
  if (!sourceIsRolesAnywhere) {
    const given = names.find((name) => read(name) !== undefined);
    if (given) {
      throw new InputError(
        given,
        'is given, but source is not roles-anywhere',
        "Set source to 'roles-anywhere', or remove it",
      );
    }
    return undefined;
  }
  const required = (name: string, what: string) => {
    const value = read(name);
    if (value === undefined || value.trim() === '')
      throw new InputError(name, 'is required with source roles-anywhere', `Give ${what}`);
    return value;
  };
  const certificate = pemValue(
    required(Names.certificate, 'the PEM certificate (leaf first, then intermediates), e.g. from a secret'),
  );
  const privateKey = pemValue(
    required(Names.privateKey, "the certificate's PEM private key, e.g. from a secret"),
  );
  const trustAnchorArn = required(Names.trustAnchorArn, "the trust anchor's ARN").trim();
  const profileArn = required(Names.profileArn, "the profile's ARN").trim();
  parseRolesAnywhereArn(trustAnchorArn, 'trust-anchor');
  parseRolesAnywhereArn(profileArn, 'profile');
  const passphrase = read(Names.passphrase);
  return { certificate, privateKey, passphrase: passphrase || undefined, trustAnchorArn, profileArn };
}
