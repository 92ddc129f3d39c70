import { CliInputs, Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { quote } from './quote.ts';
import { EXTERNAL_ID, MFA_SERIAL, SESSION_NAME, SOURCE_IDENTITY, type TextRule } from './rules.ts';
import { describeRule, textProblem } from './text-check.ts';

/** RoleSessionName: the explicit value, else the default that identifies the run. */
export function parseSessionName(value: string | undefined, fallback: string): string {
  if (value !== undefined) return checked(Inputs.sessionName, value, SESSION_NAME);
  const problem = textProblem(fallback, SESSION_NAME);
  if (problem)
    throw new InputError(
      Inputs.sessionName,
      `the default session name ${problem}`,
      `Set session-name to ${describeRule(SESSION_NAME)}`,
    );
  return fallback;
}

/** ExternalId for AssumeRole hops. Often kept in a secret, so it is never shown. */
export function parseExternalId(value: string | undefined): string | undefined {
  return value === undefined ? undefined : checked(Inputs.externalId, value, EXTERNAL_ID, true);
}

/** SourceIdentity for AssumeRole hops; the 'aws:' prefix is reserved by AWS. */
export function parseSourceIdentity(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.toLowerCase().startsWith('aws:'))
    throw new InputError(
      Inputs.sourceIdentity,
      `${quote(value)} starts with 'aws:', a prefix AWS reserves`,
      `Give ${describeRule(SOURCE_IDENTITY)} not starting with 'aws:', e.g. the user or run it stands for`,
    );
  return checked(Inputs.sourceIdentity, value, SOURCE_IDENTITY);
}

/** CLI only: the MFA device (serial or ARN) for the first AssumeRole hop. */
export function parseMfaSerial(value: string | undefined): string | undefined {
  return value === undefined ? undefined : checked(CliInputs.mfaSerial, value, MFA_SERIAL);
}

/** CLI only: a 6-digit code from the MFA device, which needs mfa-serial. */
export function parseMfaCode(value: string | undefined, serial: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{6}$/.test(value))
    throw new InputError(
      CliInputs.mfaCode,
      'is not 6 digits',
      'Give the 6-digit code your MFA device shows now',
    );
  if (serial === undefined)
    throw new InputError(
      CliInputs.mfaCode,
      'is given without mfa-serial',
      'Also give mfa-serial, the ARN or serial number of the MFA device',
    );
  return value;
}

function checked(input: string, value: string, rule: TextRule, secret = false): string {
  const problem = textProblem(value, rule, secret);
  if (problem) throw new InputError(input, problem, `Give ${describeRule(rule)}`);
  return value;
}
