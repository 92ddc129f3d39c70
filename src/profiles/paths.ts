import { posix, win32 } from 'node:path';
import { ProfileFileError } from './errors.ts';
import { homeDirectory, windowsHomeConflict } from './home-dir.ts';

/** Where the shared credentials and config files live for this process. */
export interface SharedFilePaths {
  credentialsFile: string;
  configFile: string;
}

export const CREDENTIALS_FILE_VAR = 'AWS_SHARED_CREDENTIALS_FILE';
export const CONFIG_FILE_VAR = 'AWS_CONFIG_FILE';

/**
 * The paths botocore and the JS SDK both read: the env override (a leading `~/` expanded, as the SDK does),
 * else `~/.aws/credentials` and `~/.aws/config`, with home as homeDirectory() finds it. An empty variable
 * counts as unset, as in the SDK. `platform` picks the path flavour, so both are testable anywhere.
 */
export function sharedFilePaths(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): SharedFilePaths {
  const path = platform === 'win32' ? win32 : posix;
  const home = (): string => {
    const conflict = windowsHomeConflict(env, platform);
    if (conflict) {
      throw new ProfileFileError(
        conflict.home,
        `is HOME, which the JS SDK reads the shared files under, while botocore, Go and .NET read them under USERPROFILE (${conflict.profile})`,
        `Set ${CREDENTIALS_FILE_VAR} and ${CONFIG_FILE_VAR} to absolute paths, which every SDK honours, or make HOME equal USERPROFILE`,
      );
    }
    return homeDirectory(env, platform);
  };
  const resolved = (name: string, ...defaultPath: string[]): string => {
    const value = fromEnv(env, name, platform);
    if (value === undefined) return path.join(home(), ...defaultPath);
    return path.resolve(value.startsWith('~/') ? path.join(home(), value.slice(2)) : value);
  };
  return {
    credentialsFile: resolved(CREDENTIALS_FILE_VAR, '.aws', 'credentials'),
    configFile: resolved(CONFIG_FILE_VAR, '.aws', 'config'),
  };
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  // botocore expands $VARS (and %VARS% on Windows), ~user and ~\; the JS SDK only a leading ~/.
  const variable = platform === 'win32' ? /[$%]/ : /\$/;
  if (variable.test(value) || /^~(?!\/)/.test(value)) {
    throw new ProfileFileError(
      value,
      `${name} uses a variable or ~user, which botocore expands and the JS SDK does not`,
      `Set ${name} to a plain path (a leading ~/ is fine)`,
    );
  }
  return value;
}
