import { homedir } from 'node:os';
import { win32 } from 'node:path';

/**
 * The home directory the shared files hang off, found the way the JS SDK's getHomeDir does: HOME, then
 * (on Windows) USERPROFILE, then HOMEDRIVE + HOMEPATH, then the OS's own answer. An empty variable counts
 * as unset. The action and the CLI both call this, so they read and write the same files as the SDK.
 */
export function homeDirectory(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  osHome: () => string = homedir,
): string {
  if (env.HOME) return env.HOME;
  if (platform === 'win32') {
    const profile = windowsProfileDirectory(env);
    if (profile !== undefined) return profile;
  }
  return osHome();
}

/**
 * The home directory of Windows clients that ignore HOME: botocore (Python's expanduser: USERPROFILE,
 * then HOMEDRIVE + HOMEPATH) and the Go SDK (USERPROFILE). The JS SDK's default drive is `C:\`.
 */
export function windowsProfileDirectory(env: NodeJS.ProcessEnv): string | undefined {
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return win32.join(env.HOMEDRIVE || 'C:\\', env.HOMEPATH);
  return undefined;
}

/**
 * On Windows, a HOME that is not the user profile (set by MSYS, Cygwin or a script) sends the JS SDK to
 * one file and botocore, Go and .NET to another. Returns both paths when they differ, else undefined.
 */
export function windowsHomeConflict(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): { home: string; profile: string } | undefined {
  if (platform !== 'win32' || !env.HOME) return undefined;
  const profile = windowsProfileDirectory(env);
  if (profile === undefined) return undefined;
  const same = win32.resolve(env.HOME).toLowerCase() === win32.resolve(profile).toLowerCase();
  return same ? undefined : { home: env.HOME, profile };
}
