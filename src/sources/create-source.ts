import { SourceError } from '../errors.ts';
import type { Settings } from '../settings/settings.ts';
import type { SourceContext, SourceProvider } from './source.ts';
import type { SourceChoice } from './source-choice.ts';

/** Loads only the chosen source's code and builds its provider. */
export async function createSource(
  choice: SourceChoice,
  settings: Pick<
    Settings,
    | 'keys'
    | 'audience'
    | 'webIdentityTokenFile'
    | 'sourceProfile'
    | 'rolesAnywhere'
    | 'durationSeconds'
    | 'region'
  >,
  context: SourceContext,
): Promise<SourceProvider> {
  switch (choice.name) {
    case 'keys': {
      if (!settings.keys)
        throw new SourceError(
          'keys',
          'no access keys are given',
          'Set aws-access-key-id and aws-secret-access-key',
        );
      const { fromStaticKeys } = await import('./static-keys.ts');
      return fromStaticKeys(settings.keys);
    }
    case 'env': {
      const { fromEnvironment } = await import('./environment.ts');
      return fromEnvironment(context);
    }
    case 'oidc': {
      const { fromGitHubOidc } = await import('./github-oidc.ts');
      return fromGitHubOidc({ ...context, audience: settings.audience });
    }
    case 'web-identity': {
      const path = settings.webIdentityTokenFile;
      if (!path) {
        throw new SourceError(
          'web-identity',
          'no token file is configured',
          'Set web-identity-token-file or AWS_WEB_IDENTITY_TOKEN_FILE',
        );
      }
      const { fromWebIdentityTokenFile } = await import('./web-identity-file.ts');
      return fromWebIdentityTokenFile({ logger: context.logger, path });
    }
    case 'container': {
      const { fromContainerCredentials } = await import('./container-credentials.ts');
      return fromContainerCredentials(context);
    }
    case 'imds': {
      const { fromInstanceMetadata } = await import('./instance-metadata.ts');
      return fromInstanceMetadata(context);
    }
    case 'profile': {
      if (!context.loadSharedProfile)
        throw new SourceError(
          'profile',
          'this front end reads no existing profile',
          "Use the CLI's --source-profile",
        );
      const { fromSharedProfile } = await context.loadSharedProfile();
      return fromSharedProfile({
        profile: choice.profile ?? settings.sourceProfile,
        logger: context.logger,
        mfaCodeProvider: context.mfaCodeProvider,
      });
    }
    case 'roles-anywhere': {
      const ra = settings.rolesAnywhere;
      if (!ra) throw new SourceError('roles-anywhere', 'its inputs were not read', 'Report this as a bug');
      const { fromRolesAnywhere } = await import('./roles-anywhere/from-roles-anywhere.ts');
      return fromRolesAnywhere(context, {
        ...ra,
        durationSeconds: settings.durationSeconds,
        region: settings.region,
      });
    }
  }
}
