// The steps of `auto` that the action and the CLI share: one check each, with each front end's own fix.
import { quote } from '../settings/quote.ts';
import { assumesRole } from '../settings/settings.ts';
import type { SourceContext } from './source.ts';
import type { ChoiceSettings, SourceChoice } from './source-choice.ts';

export type FrontEnd = 'action' | 'cli';

/** A step either chooses its source, or says what it tried, with the fix in the front end's words. */
export type StepOutcome = { readonly chosen: SourceChoice } | { readonly tried: string };

type Step = (settings: ChoiceSettings, context: SourceContext, frontEnd: FrontEnd) => Promise<StepOutcome>;

const byFrontEnd = (frontEnd: FrontEnd, action: string, cli: string): { tried: string } => ({
  tried: frontEnd === 'action' ? action : cli,
});

const oidc: Step = async (settings, { env }, frontEnd) => {
  const { oidcAvailable } = await import('./github-oidc.ts');
  const available = oidcAvailable(env);
  if (available && assumesRole(settings))
    return { chosen: { name: 'oidc', reason: 'an ID token can be requested and a role is given' } };
  if (available)
    return byFrontEnd(
      frontEnd,
      'oidc: an ID token could be requested, but no role-arn is given to assume with it (set role-arn)',
      'oidc: an ID token could be requested, but no role is given (pass --role-arn)',
    );
  return byFrontEnd(
    frontEnd,
    "oidc: no ID token can be requested (add 'permissions: id-token: write' to the job)",
    'oidc: not in a GitHub Actions job that may request an ID token',
  );
};

const webIdentity: Step = async (settings, _, frontEnd) => {
  const tokenFile = settings.webIdentityTokenFile;
  if (tokenFile && assumesRole(settings)) {
    const shown = frontEnd === 'action' ? tokenFile : quote(tokenFile);
    return { chosen: { name: 'web-identity', reason: `a token file is configured (${shown})` } };
  }
  if (frontEnd === 'action')
    return {
      tried:
        'web-identity: no token file with a role (set web-identity-token-file or AWS_WEB_IDENTITY_TOKEN_FILE, and role-arn or AWS_ROLE_ARN)',
    };
  return {
    tried: tokenFile
      ? 'web-identity: a token file is set, but no role is given (pass --role-arn, or set AWS_ROLE_ARN)'
      : 'web-identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set (EKS IRSA sets it in a pod)',
  };
};

const container: Step = async (_, { env }, frontEnd) => {
  const { containerCredentialsConfigured } = await import('./container-credentials.ts');
  if (containerCredentialsConfigured(env))
    return { chosen: { name: 'container', reason: 'container credential variables are set' } };
  return byFrontEnd(
    frontEnd,
    'container: AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI are not set (ECS, CodeBuild, EKS Pod Identity set them)',
    'container: AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI are not set (ECS, CodeBuild and EKS Pod Identity set them)',
  );
};

const environment: Step = async (_, { env }, frontEnd) => {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)
    return {
      chosen: { name: 'env', reason: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are in the environment' },
    };
  return byFrontEnd(
    frontEnd,
    'env: no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment (an earlier step exports them)',
    'env: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set',
  );
};

const imds: Step = async (_, context, frontEnd) => {
  const { imdsAnswers, imdsDisabled } = await import('./instance-metadata.ts');
  if (imdsDisabled(context.env)) return { tried: 'imds: AWS_EC2_METADATA_DISABLED is true' };
  if (await imdsAnswers(context))
    return { chosen: { name: 'imds', reason: 'the EC2 instance metadata service answered' } };
  return byFrontEnd(
    frontEnd,
    'imds: no EC2 instance metadata service answered (self-hosted runners on EC2 need an instance profile; in a container, hop limit 2)',
    'imds: no EC2 instance metadata service answered (this is not an EC2 instance with a role)',
  );
};

export const AUTO_STEPS = { oidc, 'web-identity': webIdentity, container, env: environment, imds } as const;
export type AutoStepName = keyof typeof AUTO_STEPS;

/**
 * Runs the named steps in order: the first that chooses wins; otherwise each one's line is added to
 * `tried`, and undefined is returned.
 */
export async function runAutoSteps(
  names: readonly AutoStepName[],
  settings: ChoiceSettings,
  context: SourceContext,
  frontEnd: FrontEnd,
  tried: string[],
): Promise<SourceChoice | undefined> {
  for (const name of names) {
    const outcome = await AUTO_STEPS[name](settings, context, frontEnd);
    if ('chosen' in outcome) return outcome.chosen;
    tried.push(outcome.tried);
  }
  return undefined;
}
