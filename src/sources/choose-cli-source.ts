import { SourceError } from '../errors.ts';
import { quote } from '../settings/quote.ts';
import { SOURCE_PROFILE_NAME } from '../settings/rules.ts';
import { describeRule, textProblem } from '../settings/text-check.ts';
import { runAutoSteps } from './auto-steps.ts';
import type { SourceContext } from './source.ts';
import type { ChoiceSettings, SourceChoice } from './source-choice.ts';

const PROFILE_ENV = 'AWS_PROFILE';
const DEFAULT_PROFILE = 'default';

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
  const tried = ['flags: neither --source nor --source-profile is given'];
  const fromEnvironment = await runAutoSteps(['env'], settings, context, 'cli', tried);
  if (fromEnvironment) return fromEnvironment;

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

  const order = ['oidc', 'web-identity', 'container', 'imds'] as const;
  const chosen = await runAutoSteps(order, settings, context, 'cli', tried);
  if (chosen) return chosen;

  throw new SourceError(
    'auto',
    `no source of credentials was found. Tried, in the AWS CLI's order:\n  - ${tried.join('\n  - ')}`,
    'Pass --source-profile NAME to start from a profile of yours, run aws configure (keys) or aws sso login (SSO), and give the role with --role-arn',
  );
}
