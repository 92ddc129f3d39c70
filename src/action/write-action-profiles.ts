import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { credentialCacheDir } from '../cli/cache/cache-dir.ts';
import { State } from '../constants.ts';
import { profilesToWrite } from '../obtain/profiles-to-write.ts';
import type { ObtainedCredentials } from '../obtain/result.ts';
import { homeDirectory } from '../profiles/home-dir.ts';
import { sharedFilePaths, writeProfiles } from '../profiles/index.ts';
import { quoted } from '../safe-text.ts';
import { actionLogger } from './action-logger.ts';
import type { ActionSettings } from './action-settings.ts';
import { type RefreshCommand, refreshCommand } from './refresh-command.ts';
import { writeLaunchers } from './write-launchers.ts';

export interface ProfileSummary {
  readonly name: string;
  readonly arn: string;
  readonly accountId: string;
  readonly expiration?: string;
  readonly refresh: boolean;
}

/** Writes the profiles into the shared files and records them in the state for the post step's cleanup. */
export async function writeActionProfiles(
  settings: ActionSettings,
  obtained: ObtainedCredentials,
  env: NodeJS.ProcessEnv,
): Promise<ProfileSummary[]> {
  // Post has work only when profiles were written; it learns whether to do it before the first write.
  core.saveState(State.cleanup, String(settings.cleanup));
  const paths = sharedFilePaths(env);
  const runtime = {
    nodePath: process.execPath,
    // The runner starts dist/main.js; the CLI bundle sits beside it.
    cliPath: join(dirname(process.argv[1] ?? '.'), 'cli.js'),
    source: obtained.source.name,
    platform: process.platform,
    cwd: process.cwd(),
    // The refresh cache's directory: private, emptied with RUNNER_TEMP after the job.
    launcherDir: credentialCacheDir(env, homeDirectory(env)),
  };
  const commands = new Map<string, RefreshCommand>();
  if (settings.refresh) {
    for (const target of settings.profiles)
      commands.set(target.name, refreshCommand(settings, target, runtime));
    await writeLaunchers([...commands.values()]);
  }
  const profiles = profilesToWrite(
    settings,
    obtained,
    settings.refresh ? (target) => commands.get(target.name)?.line ?? '' : undefined,
  );
  await writeProfiles(paths, profiles, {
    overwrite: settings.overwriteProfile,
    jobId: [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/'),
    // Recorded at the commit point: a write that fails after it is still cleaned up by post.
    onCommitted: (record) => core.saveState(State.writtenProfiles, JSON.stringify(record)),
  });
  // The paths come from the environment: quoted, and printed through the escaping logger.
  actionLogger.info(
    `wrote profile(s) ${profiles.map((profile) => profile.name).join(', ')} to ${quoted(paths.credentialsFile)} and ${quoted(paths.configFile)}`,
  );
  return obtained.profiles.map(({ name, identity }) => ({
    name,
    arn: identity.arn,
    accountId: identity.accountId,
    expiration: settings.refresh ? undefined : identity.credentials.expiration?.toISOString(),
    refresh: settings.refresh,
  }));
}
