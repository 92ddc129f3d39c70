/** A credential value that the chosen output format cannot carry safely: names the variable, the problem and the fix. */
export class FormatError extends Error {
  override name = 'FormatError';
  readonly variable: string;
  readonly fix: string;

  constructor(variable: string, problem: string, fix: string) {
    super(`Cannot write ${variable}: ${problem}. ${fix}`);
    this.variable = variable;
    this.fix = fix;
  }
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Refuses what no format can carry: a NUL (no environment variable, argv entry or C string can
 * hold one) and a lone UTF-16 surrogate (not Unicode, so it cannot be written out as UTF-8).
 */
export function assertPortableValue(variable: string, value: string): void {
  if (value.includes('\0')) {
    throw new FormatError(
      variable,
      'the value contains a NUL character',
      'No environment variable can hold one.',
    );
  }
  if (LONE_SURROGATE.test(value)) {
    throw new FormatError(
      variable,
      'the value is not valid Unicode (it has a lone surrogate)',
      'It cannot be written as UTF-8.',
    );
  }
}

/** ISO 8601 form of an expiration, refusing an invalid Date rather than printing "Invalid Date". */
export function expirationIso(expiration: Date): string {
  if (Number.isNaN(expiration.getTime())) {
    throw new FormatError(
      'the expiration',
      'it is not a valid date',
      'This is a bug in the credential source.',
    );
  }
  return expiration.toISOString();
}
