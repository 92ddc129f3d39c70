import { SourceError } from '../errors.ts';
import { assumesRole, type Settings, type SourceName } from '../settings/settings.ts';
import type { SourceContext } from './source.ts';

export interface SourceChoice {
  readonly name: Exclude<SourceName, 'auto'>;
  readonly reason: string;
}

/** What choosing needs of the settings (the token file already resolved, see resolveTokenFile). */
export type ChoiceSettings = Pick<
  Settings,
  'source' | 'keys' | 'webIdentityTokenFile' | 'roleArns' | 'profiles'
>;

/** Picks the source for `auto` in the documented order, saying why; an explicit source is taken as given. */
export async function chooseSource(settings: ChoiceSettings, context: SourceContext): Promise<SourceChoice> {
  if (settings.source !== 'auto') return { name: settings.source, reason: 'chosen by the source input' };
  const { env } = context;
  const wantsRole = assumesRole(settings);
  const tried: string[] = [];

  if (settings.keys) return { name: 'keys', reason: 'aws-access-key-id and aws-secret-access-key are given' };
  tried.push('keys: aws-access-key-id and aws-secret-access-key are not given');

  const { oidcAvailable } = await import('./github-oidc.ts');
  if (oidcAvailable(env) && wantsRole)
    return { name: 'oidc', reason: 'an ID token can be requested and a role is given' };
  tried.push(
    oidcAvailable(env)
      ? 'oidc: an ID token could be requested, but no role-arn is given to assume with it (set role-arn)'
      : "oidc: no ID token can be requested (add 'permissions: id-token: write' to the job)",
  );

  const tokenFile = settings.webIdentityTokenFile;
  if (tokenFile && wantsRole)
    return { name: 'web-identity', reason: `a token file is configured (${tokenFile})` };
  tried.push(
    `web-identity: no token file with a role (set web-identity-token-file or AWS_WEB_IDENTITY_TOKEN_FILE, and role-arn or AWS_ROLE_ARN)`,
  );

  const { containerCredentialsConfigured } = await import('./container-credentials.ts');
  if (containerCredentialsConfigured(env))
    return { name: 'container', reason: 'container credential variables are set' };
  tried.push(
    'container: AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI are not set (ECS, CodeBuild, EKS Pod Identity set them)',
  );

  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { name: 'env', reason: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are in the environment' };
  }
  tried.push(
    'env: no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment (an earlier step exports them)',
  );

  const { imdsAnswers, imdsDisabled } = await import('./instance-metadata.ts');
  if (!imdsDisabled(env) && (await imdsAnswers(context)))
    return { name: 'imds', reason: 'the EC2 instance metadata service answered' };
  tried.push(
    imdsDisabled(env)
      ? 'imds: AWS_EC2_METADATA_DISABLED is true'
      : 'imds: no EC2 instance metadata service answered (self-hosted runners on EC2 need an instance profile; in a container, hop limit 2)',
  );

  throw new SourceError(
    'auto',
    `no source of credentials was found. Tried:\n  - ${tried.join('\n  - ')}`,
    'Apply the fix for the source you mean to use, or set source explicitly',
  );
}
