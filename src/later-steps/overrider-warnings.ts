import { escapeLine, quoted } from '../safe-text.ts';
import { describeUse, type FamilyVerdict, type Overrider } from './who-will-sign.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Variables an empty value switches off in every SDK run here, while an empty AWS_PROFILE does not. */
const EMPTY_IS_UNSET = 'an empty value counts as unset in every SDK';

/**
 * One warning per overrider that captures at least one family: the overrider, the families it
 * captures with what they will use instead, and the fix. Values from the environment are quoted.
 */
export function overriderWarnings(verdicts: readonly FamilyVerdict[], env: Env): string[] {
  const byOverrider = new Map<Overrider, FamilyVerdict[]>();
  for (const verdict of verdicts)
    for (const overrider of verdict.overriders)
      byOverrider.set(overrider, [...(byOverrider.get(overrider) ?? []), verdict]);
  return [...byOverrider].map(([overrider, captured]) => {
    const families = captured
      .map((verdict) => `${verdict.family.name} → ${describeUse(verdict.use)}`)
      .join('; ');
    return escapeLine(
      `${label(overrider, env)} takes later steps off the exported keys: ${families}. Fix: ${fixFor(overrider, env)}`,
    );
  });
}

function label(overrider: Overrider, env: Env): string {
  if (overrider === 'default-profile') return 'A [default] profile in the shared files';
  return `${overrider}=${quoted(env[overrider] ?? '')}`;
}

function fixFor(overrider: Overrider, env: Env): string {
  switch (overrider) {
    case 'AWS_PROFILE': {
      const name = quoted(env.AWS_PROFILE ?? '');
      return (
        'remove AWS_PROFILE from the env of the job or of the steps that use these credentials ' +
        '(an empty AWS_PROFILE is no fix: the AWS CLI and botocore then fail with "The config profile () could not be found"), ' +
        `or write these credentials to that profile (profile: ${name}, overwrite-profile: true, export-env: true) so every SDK signs as this role`
      );
    }
    case 'default-profile':
      return (
        'remove or rename the [default] profile for this job, or write these credentials as it ' +
        '(profile: default, overwrite-profile: true, export-env: true) so every SDK signs as this role'
      );
    case 'AWS_CONTAINER_CREDENTIALS_FULL_URI':
    case 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI':
      return `set ${overrider} to an empty value in the env of the steps that use these credentials (env: ${overrider}: ''); ${EMPTY_IS_UNSET}`;
    case 'AWS_WEB_IDENTITY_TOKEN_FILE':
      return `set AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN to empty values in the env of the steps that use these credentials; ${EMPTY_IS_UNSET}`;
    case 'AWS_SHARED_CREDENTIALS_FILE':
    case 'AWS_CONFIG_FILE':
      return `the profile above is read from ${quoted(env[overrider] ?? '')}: fix it there, or point ${overrider} elsewhere for the steps that use these credentials`;
  }
}
