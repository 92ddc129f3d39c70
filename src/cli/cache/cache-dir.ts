import { isAbsolute, join } from 'node:path';
import { GitHubEnv } from '../../constants.ts';

/** Under RUNNER_TEMP, which the runner empties after each job, so cached credentials never outlive it. */
export const RUNNER_CACHE_DIR = 'assume-aws-role-cache';
export const CACHE_DIR_NAME = 'assume-aws-role';

/**
 * Where the credential_process cache lives: `$RUNNER_TEMP/assume-aws-role-cache` on a runner, else
 * `$XDG_CACHE_HOME/assume-aws-role`, else `~/.cache/assume-aws-role`. The XDG spec says to ignore a
 * relative XDG_CACHE_HOME, and a relative path would move with the working directory.
 */
export function credentialCacheDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  const runnerTemp = env[GitHubEnv.runnerTemp];
  if (runnerTemp && isAbsolute(runnerTemp)) return join(runnerTemp, RUNNER_CACHE_DIR);
  const xdgCache = env.XDG_CACHE_HOME;
  if (xdgCache && isAbsolute(xdgCache)) return join(xdgCache, CACHE_DIR_NAME);
  return join(homeDir, '.cache', CACHE_DIR_NAME);
}
