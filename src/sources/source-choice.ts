// What `auto` chooses from, and what it chose.
import type { Settings, SourceName } from '../settings/settings.ts';

export interface SourceChoice {
  readonly name: Exclude<SourceName, 'auto'>;
  readonly reason: string;
  /** For `profile` chosen automatically (the CLI's AWS_PROFILE or default): the profile to read. */
  readonly profile?: string;
}

/** What choosing needs of the settings (the token file already resolved, see resolveTokenFile). */
export type ChoiceSettings = Pick<
  Settings,
  'source' | 'keys' | 'webIdentityTokenFile' | 'roleArns' | 'profiles'
>;
