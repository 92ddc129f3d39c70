import { hostname, userInfo } from 'node:os';
import * as core from '@actions/core';
import { Inputs } from '../constants.ts';
import { defaultSessionName } from '../settings/default-session-name.ts';
import { maskPem } from '../sources/roles-anywhere/inputs.ts';
import { actionLogger } from './action-logger.ts';
import { type ActionSettings, parseActionSettings } from './action-settings.ts';
import { unknownInputsWarning } from './unknown-inputs.ts';

const SECRET_INPUTS = [
  Inputs.awsAccessKeyId,
  Inputs.awsSecretAccessKey,
  Inputs.awsSessionToken,
  Inputs.privateKeyPassphrase,
];

/**
 * Masks the secret inputs first (a PEM key line by line, as the runner masks), warns of undeclared ones,
 * then parses every declared input once.
 */
export function readSettings(env: NodeJS.ProcessEnv): ActionSettings {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    actionLogger.mask(value);
  }
  maskPem(actionLogger, core.getInput(Inputs.privateKey));
  const unknown = unknownInputsWarning(env);
  if (unknown) actionLogger.warning(unknown);
  const user = safely(() => userInfo().username, 'runner');
  return parseActionSettings((name) => core.getInput(name), env, {
    defaultSessionName: defaultSessionName(env, user, hostname()),
  });
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
