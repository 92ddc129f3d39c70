import { fromIni } from '@aws-sdk/credential-providers';
import { SourceError } from '../errors.ts';
import type { SourceContext, SourceProvider } from './source.ts';

export interface SharedProfileOptions extends Pick<SourceContext, 'logger' | 'mfaCodeProvider'> {
  /** The profile to read: the CLI's --source-profile, or the one its automatic choice found. */
  readonly profile: string | undefined;
}

/** A profile of the user's: any kind the SDK can resolve (keys, SSO, credential_process, role profiles). */
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
        /\bsso\b/i.test(reason)
          ? `Sign in again with: aws sso login --profile ${profile}`
          : `Check the profile with: aws sts get-caller-identity --profile ${profile}`,
      );
    }
  };
}
