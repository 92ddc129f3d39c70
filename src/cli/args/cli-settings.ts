import { hostname, userInfo } from 'node:os';
import { CliInputs, Inputs } from '../../constants.ts';
import { InputError } from '../../errors.ts';
import { defaultSessionName } from '../../settings/default-session-name.ts';
import { readSharedInputs, type SettingsContext, settleSettings } from '../../settings/parse-settings.ts';
import { type InputReader, inputValues } from '../../settings/read-inputs.ts';
import { parseMfaCode, parseMfaSerial } from '../../settings/session-inputs.ts';
import { assumesRole, type Settings } from '../../settings/settings.ts';
import { parseSourceProfile } from '../../settings/source.ts';
import { RolesAnywhereEnv } from '../../sources/roles-anywhere/inputs.ts';
import type { RunCommand } from './parse-args.ts';

/** The CLI's settings: the inputs it shares with the action, and its own source profile and MFA. */
export type CliSettings = Settings;

/**
 * Reads the CLI's inputs once (the shared ones under their action names, its own under CliInputs names)
 * and checks them as the action checks its inputs.
 */
export function parseCliSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  context: SettingsContext,
): CliSettings {
  const inputs = inputValues(read);
  if (inputs.single(Inputs.source) === 'keys')
    throw new InputError(
      Inputs.source,
      "'keys' takes access keys given as options, and the CLI has none (keys on a command line would end up in shell history)",
      'Use --source env with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or --source-profile NAME for keys in a profile; or leave --source at auto, which finds both',
    );
  const sourceProfile = parseSourceProfile(inputs.single(CliInputs.sourceProfile));
  const shared = readSharedInputs(inputs, env, context);
  const mfaSerial = parseMfaSerial(inputs.single(CliInputs.mfaSerial));
  const mfaCode = parseMfaCode(inputs.single(CliInputs.mfaCode), mfaSerial);
  return { ...settleSettings(inputs, shared, env, sourceProfile), mfaSerial, mfaCode };
}

/**
 * The command line as inputs: the options that mirror action inputs as they are, and the CLI's own
 * source profile and MFA options under their CliInputs names.
 */
export function cliInputs(command: RunCommand, mfaCode = command.mfaCode): Record<string, string> {
  return {
    ...command.inputs,
    ...(command.sourceProfile === undefined ? {} : { [CliInputs.sourceProfile]: command.sourceProfile }),
    ...(command.mfaSerial === undefined ? {} : { [CliInputs.mfaSerial]: command.mfaSerial }),
    ...(mfaCode === undefined ? {} : { [CliInputs.mfaCode]: mfaCode }),
  };
}

/**
 * Settings from the command line, as far as they go without asking for an MFA code: enough to name the
 * request (the credential cache's key never holds the code). The default session name outside Actions is
 * `user@host`, so CloudTrail shows who asked from where.
 */
export function readCliSettingsWithoutCode(
  command: RunCommand,
  env: NodeJS.ProcessEnv,
  mfaCode = command.mfaCode,
): CliSettings {
  const context = { defaultSessionName: defaultSessionName(env, currentUser(), hostname()) };
  const fromEnv = rolesAnywhereEnvInputs(env);
  const inputs = cliInputs(command, mfaCode);
  const settings = parseCliSettings((name) => inputs[name] ?? fromEnv[name] ?? '', env, context);
  if (settings.mfaSerial !== undefined) checkMfaIsSent(settings);
  return settings;
}

/**
 * Settings from the command line. When an MFA serial is given without a code, `askMfaCode` supplies one
 * (a prompt at a terminal), after every other input has been checked, and the code is checked like a
 * given one.
 */
export async function readCliSettings(
  command: RunCommand,
  env: NodeJS.ProcessEnv,
  askMfaCode: (serial: string) => Promise<string>,
): Promise<CliSettings> {
  const settings = readCliSettingsWithoutCode(command, env);
  if (settings.mfaSerial === undefined || settings.mfaCode !== undefined) return settings;
  return readCliSettingsWithoutCode(command, env, await askMfaCode(settings.mfaSerial));
}

/** The certificate, key and passphrase from ASSUME_AWS_ROLE_* variables, for when no flag gives them. */
function rolesAnywhereEnvInputs(env: NodeJS.ProcessEnv): Record<string, string> {
  const pairs = [
    [Inputs.certificate, RolesAnywhereEnv.certificate],
    [Inputs.privateKey, RolesAnywhereEnv.privateKey],
    [Inputs.privateKeyPassphrase, RolesAnywhereEnv.passphrase],
  ] as const;
  return Object.fromEntries(pairs.flatMap(([input, name]) => (env[name] ? [[input, env[name]]] : [])));
}

/** The core sends the MFA code with the first AssumeRole only: anywhere else it would be dropped silently. */
function checkMfaIsSent(settings: CliSettings): void {
  if (!assumesRole(settings))
    throw new InputError(
      CliInputs.mfaSerial,
      'is given, but no role is assumed, and the MFA code is sent only with AssumeRole',
      'Add --role-arn, or drop --mfa-serial',
    );
  if (settings.roleArns.length === 0 && settings.profiles.length > 1)
    throw new InputError(
      CliInputs.mfaSerial,
      'is given with several profiles and no common --role-arn, so one MFA code would be sent on several first hops at once, and STS accepts a code only once',
      'Add a common --role-arn (assumed once, with the code), or write one profile at a time',
    );
  if (settings.source === 'oidc' || settings.source === 'web-identity')
    throw new InputError(
      CliInputs.mfaSerial,
      `is given, but source '${settings.source}' starts with AssumeRoleWithWebIdentity, which takes no MFA`,
      'Drop --mfa-serial',
    );
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (a container running as an arbitrary uid): defaultSessionName falls back.
    return '';
  }
}
