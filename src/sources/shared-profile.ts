import { fromIni } from '@aws-sdk/credential-providers';
import { SourceError } from '../errors.ts';
import type { SourceContext, SourceProvider } from './source.ts';

export interface SharedProfileOptions extends Pick<SourceContext, 'logger' | 'mfaCodeProvider'> {
  /** The profile to read (the CLI's --source-profile). */
  readonly profile: string | undefined;
}

/** The CLI's `--source-profile`: any profile the SDK can resolve (keys, SSO, credential_process, role profiles). */
export function fromSharedProfile(options: SharedProfileOptions): SourceProvider {
  const { profile, logger, mfaCodeProvider } = options;
  return async () => {
    if (!profile)
      throw new SourceError('profile', 'no source profile is named', 'Pass --source-profile NAME');
    try {
      const credentials = await fromIni({ profile, mfaCodeProvider })();
      logger.mask(credentials.secretAccessKey);
      if (credentials.sessionToken) logger.mask(credentials.sessionToken);
      return {
        kind: 'credentials',
        identity: {
          credentials,
          isRoleSession: credentials.sessionToken !== undefined,
          description: `profile ${profile}`,
        },
      };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
      throw new SourceError(
        'profile',
        `could not get credentials from profile '${profile}': ${reason}`,
        'Check the profile with: aws sts get-caller-identity --profile NAME',
      );
    }
  };
}
