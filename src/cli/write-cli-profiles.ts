import { homedir } from 'node:os';
import { profilesToWrite } from '../obtain/profiles-to-write.ts';
import type { ObtainedCredentials } from '../obtain/result.ts';
import type { Settings } from '../settings/settings.ts';
import type { CliLogger } from './cli-logger.ts';

/**
 * `--profile NAME` / `--profiles`: the same sections the action writes, into the same shared files.
 * They stay until overwritten; the CLI has no post step to remove them.
 */
export async function writeCliProfiles(
  settings: Settings,
  obtained: ObtainedCredentials,
  env: NodeJS.ProcessEnv,
  logger: CliLogger,
): Promise<void> {
  const { sharedFilePaths, writeProfiles } = await import('../profiles/index.ts');
  const paths = sharedFilePaths(env, env.HOME || homedir());
  const profiles = profilesToWrite(settings, obtained);
  await writeProfiles(paths, profiles, {
    overwrite: settings.overwriteProfile,
    jobId: `cli:${settings.sessionName}`,
  });
  const expirations = obtained.profiles.flatMap(({ identity }) => identity.credentials.expiration ?? []);
  const first = expirations.sort((a, b) => a.getTime() - b.getTime())[0];
  logger.note(
    `wrote profile ${profiles.map((profile) => profile.name).join(', ')} to ${paths.credentialsFile}` +
      (settings.region ? ` and ${paths.configFile}` : '') +
      (first ? `; valid until ${first.toISOString()}` : ''),
  );
}
