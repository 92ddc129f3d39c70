import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { State } from '../constants.ts';
import { profilesToWrite } from '../obtain/profiles-to-write.ts';
import type { ObtainedCredentials } from '../obtain/result.ts';
import { sharedFilePaths, writeProfiles } from '../profiles/index.ts';
import type { ActionSettings } from './action-settings.ts';
import { refreshCommand } from './refresh-command.ts';

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
  const paths = sharedFilePaths(env, env.HOME || homedir());
  const runtime = {
    nodePath: process.execPath,
    // The runner starts dist/main.js; the CLI bundle sits beside it.
    cliPath: join(dirname(process.argv[1] ?? '.'), 'cli.js'),
    source: obtained.source.name,
    platform: process.platform,
    cwd: process.cwd(),
  };
  const profiles = profilesToWrite(
    settings,
    obtained,
    settings.refresh ? (target) => refreshCommand(settings, target, runtime) : undefined,
  );
  const record = await writeProfiles(paths, profiles, {
    overwrite: settings.overwriteProfile,
    jobId: [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/'),
  });
  core.saveState(State.writtenProfiles, JSON.stringify(record));
  core.info(
    `wrote profile(s) ${profiles.map((profile) => profile.name).join(', ')} to ${paths.credentialsFile} and ${paths.configFile}`,
  );
  return obtained.profiles.map(({ name, identity }) => ({
    name,
    arn: identity.arn,
    accountId: identity.accountId,
    expiration: settings.refresh ? undefined : identity.credentials.expiration?.toISOString(),
    refresh: settings.refresh,
  }));
}
