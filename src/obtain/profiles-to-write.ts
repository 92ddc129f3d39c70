import type { ProfileToWrite } from '../profiles/index.ts';
import type { ProfileTarget, Settings } from '../settings/settings.ts';
import type { ObtainedCredentials } from './result.ts';

/**
 * What each profile becomes in the shared files: its credentials, or, given `commandFor` (the action's
 * refresh), a credential_process.
 */
export function profilesToWrite(
  settings: Settings,
  obtained: ObtainedCredentials,
  commandFor?: (profile: ProfileTarget) => string,
): ProfileToWrite[] {
  return settings.profiles.map((target) => {
    const identity = obtained.profiles.find((profile) => profile.name === target.name)?.identity;
    if (!identity) throw new Error(`no credentials were obtained for profile ${target.name}`);
    return commandFor
      ? { name: target.name, region: settings.region, credentialProcess: commandFor(target) }
      : { name: target.name, region: settings.region, credentials: identity.credentials };
  });
}
