import { join, resolve } from 'node:path';
import { ProfileFileError } from './errors.ts';

/** Where the shared credentials and config files live for this process. */
export interface SharedFilePaths {
  credentialsFile: string;
  configFile: string;
}

export const CREDENTIALS_FILE_VAR = 'AWS_SHARED_CREDENTIALS_FILE';
export const CONFIG_FILE_VAR = 'AWS_CONFIG_FILE';

/**
 * The paths botocore and the JS SDK both read: the env override (a leading `~/` expanded, as the SDK does),
 * else `~/.aws/credentials` and `~/.aws/config`. An empty variable counts as unset, as in the SDK.
 */
export function sharedFilePaths(env: NodeJS.ProcessEnv, homeDir: string): SharedFilePaths {
  return {
    credentialsFile: fromEnv(env, CREDENTIALS_FILE_VAR, homeDir) ?? join(homeDir, '.aws', 'credentials'),
    configFile: fromEnv(env, CONFIG_FILE_VAR, homeDir) ?? join(homeDir, '.aws', 'config'),
  };
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, homeDir: string): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  // botocore expands $VARS and ~user, the JS SDK does not: the two would read different files.
  if (value.includes('$') || /^~(?!\/)/.test(value)) {
    throw new ProfileFileError(
      value,
      `${name} uses a variable or ~user, which botocore expands and the JS SDK does not`,
      `Set ${name} to a plain path (a leading ~/ is fine)`,
    );
  }
  return resolve(value.startsWith('~/') ? join(homeDir, value.slice(2)) : value);
}
