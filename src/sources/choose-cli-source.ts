import { SourceError } from '../errors.ts';
import { quote } from '../settings/quote.ts';
import { SOURCE_PROFILE_NAME } from '../settings/rules.ts';
import { assumesRole } from '../settings/settings.ts';
import { describeRule, textProblem } from '../settings/text-check.ts';
import type { ChoiceSettings, SourceChoice } from './choose-source.ts';
import type { SourceContext } from './source.ts';

const PROFILE_ENV = 'AWS_PROFILE';
const DEFAULT_PROFILE = 'default';
const WEB_IDENTITY_FILE_ENV = 'AWS_WEB_IDENTITY_TOKEN_FILE';

/** The CLI's source: as given with --source or --source-profile, else the automatic choice below. */
export async function chooseCliSource(
  settings: ChoiceSettings,
  context: SourceContext,
): Promise<SourceChoice> {
  if (settings.source === 'profile') return { name: 'profile', reason: 'chosen with --source-profile' };
  if (settings.source !== 'auto') return { name: settings.source, reason: 'chosen with --source' };
  return chooseAtTerminal(settings, context);
}

/**
 * `auto` at a terminal, in the AWS CLI's order: keys in the environment, then AWS_PROFILE or the
 * default profile (keys, a role, SSO or credential_process, resolved by the SDK's fromIni), then a
 * job's ID token, a web identity token file, the container agent and IMDS. Explicit flags
 * (--source, --source-profile) never reach here. Says why it chose; when nothing is found, lists
 * what was tried and the fix for each, in CLI terms.
 */
async function chooseAtTerminal(settings: ChoiceSettings, context: SourceContext): Promise<SourceChoice> {
  const { env } = context;
  const wantsRole = assumesRole(settings);
  const tried = ['flags: neither --source nor --source-profile is given'];

  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)
    return { name: 'env', reason: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are in the environment' };
  tried.push('env: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set');

  const { profileKind } = await import('./profile-kind.ts');
  const named = env[PROFILE_ENV] || undefined;
  const profile = named ?? DEFAULT_PROFILE;
  const badName = named === undefined ? undefined : textProblem(named, SOURCE_PROFILE_NAME);
  if (badName !== undefined)
    throw new SourceError(
      'auto',
      `${PROFILE_ENV} ${badName}`,
      `Set ${PROFILE_ENV} to a profile name of ${describeRule(SOURCE_PROFILE_NAME)}, or unset it`,
    );
  const kind = await profileKind(profile, env);
  const why =
    named === undefined
      ? `${PROFILE_ENV} is not set, and the default profile`
      : `${PROFILE_ENV} names profile ${quote(profile)}`;
  if (named !== undefined && !kind.found)
    throw new SourceError(
      'auto',
      `${why}, which is in neither the shared config file nor the credentials file`,
      `Set ${PROFILE_ENV} to a profile you have, or create it: aws configure --profile ${quote(profile)}`,
    );
  if (kind.found && kind.credentials !== undefined)
    return { name: 'profile', profile, reason: `${why} holds ${kind.credentials}` };
  tried.push(
    kind.found
      ? `profile: ${why} holds no credentials (run aws configure for keys, or aws configure sso then aws sso login; or pass --source-profile NAME)`
      : `profile: ${PROFILE_ENV} is not set, and there is no default profile (run aws configure for keys, or aws configure sso then aws sso login; or pass --source-profile NAME)`,
  );

  const { oidcAvailable } = await import('./github-oidc.ts');
  if (oidcAvailable(env) && wantsRole)
    return { name: 'oidc', reason: 'an ID token can be requested and a role is given' };
  tried.push(
    oidcAvailable(env)
      ? 'oidc: an ID token could be requested, but no role is given (pass --role-arn)'
      : 'oidc: not in a GitHub Actions job that may request an ID token',
  );

  const tokenFile = settings.webIdentityTokenFile;
  if (tokenFile && wantsRole)
    return { name: 'web-identity', reason: `a token file is configured (${quote(tokenFile)})` };
  tried.push(
    tokenFile
      ? 'web-identity: a token file is set, but no role is given (pass --role-arn, or set AWS_ROLE_ARN)'
      : `web-identity: ${WEB_IDENTITY_FILE_ENV} is not set (EKS IRSA sets it in a pod)`,
  );

  const { containerCredentialsConfigured } = await import('./container-credentials.ts');
  if (containerCredentialsConfigured(env))
    return { name: 'container', reason: 'container credential variables are set' };
  tried.push(
    'container: AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI are not set (ECS, CodeBuild and EKS Pod Identity set them)',
  );

  const { imdsAnswers, imdsDisabled } = await import('./instance-metadata.ts');
  if (!imdsDisabled(env) && (await imdsAnswers(context)))
    return { name: 'imds', reason: 'the EC2 instance metadata service answered' };
  tried.push(
    imdsDisabled(env)
      ? 'imds: AWS_EC2_METADATA_DISABLED is true'
      : 'imds: no EC2 instance metadata service answered (this is not an EC2 instance with a role)',
  );

  throw new SourceError(
    'auto',
    `no source of credentials was found. Tried, in the AWS CLI's order:\n  - ${tried.join('\n  - ')}`,
    'Pass --source-profile NAME to start from a profile of yours, run aws configure (keys) or aws sso login (SSO), and give the role with --role-arn',
  );
}
