import { hostname, userInfo } from 'node:os';
import * as core from '@actions/core';
import { Inputs } from '../constants.ts';
import { defaultSessionName } from '../settings/default-session-name.ts';
import { parseSettings } from '../settings/parse-settings.ts';
import type { Settings } from '../settings/settings.ts';
import { actionLogger } from './action-logger.ts';

const SECRET_INPUTS = [Inputs.awsAccessKeyId, Inputs.awsSecretAccessKey, Inputs.awsSessionToken];

/** Masks the secret inputs first, then parses every input once. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    actionLogger.mask(value);
  }
  const user = safely(() => userInfo().username, 'runner');
  return parseSettings((name) => core.getInput(name), env, {
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
