import { AwsEnv, CliInputs, Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { quote } from './quote.ts';
import { DEFAULT_SOURCE, SOURCE_PROFILE_NAME } from './rules.ts';
import { SOURCES, type SourceName, type StaticKeys } from './settings.ts';
import { describeRule, textProblem } from './text-check.ts';

/** The sources a workflow may name; `profile` is the CLI's, chosen with source-profile. */
const ACTION_SOURCES = SOURCES.filter((source) => source !== 'profile');

export function parseSource(value: string | undefined): SourceName {
  const source = value ?? DEFAULT_SOURCE;
  const known = SOURCES.find((name) => name === source);
  if (known) return known;
  throw new InputError(
    Inputs.source,
    `${quote(source)} is not a source`,
    `Use one of ${ACTION_SOURCES.join(', ')} (auto picks the first available and logs why)`,
  );
}

/** CLI only: an existing profile whose credentials start the chain. */
export function parseSourceProfile(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = textProblem(value, SOURCE_PROFILE_NAME);
  if (problem)
    throw new InputError(
      CliInputs.sourceProfile,
      problem,
      `Give a profile name of ${describeRule(SOURCE_PROFILE_NAME)}`,
    );
  return value;
}

export interface SourceFacts {
  readonly requested: SourceName;
  readonly keys?: StaticKeys;
  readonly sourceProfile?: string;
  readonly webIdentityTokenFile?: string;
}

/**
 * Checks the source against the inputs that feed it, and settles `auto` only where the inputs alone
 * decide: source-profile makes it `profile` (auto never probes profiles). Keys leave it `auto`; the
 * source chooser picks them first and logs why.
 */
export function resolveSource(facts: SourceFacts): SourceName {
  const { requested, keys, sourceProfile, webIdentityTokenFile } = facts;
  if (requested === 'profile' && sourceProfile === undefined)
    throw new InputError(
      Inputs.source,
      "'profile' reads an existing profile, but no source-profile is given",
      `In the CLI pass --source-profile NAME; in a workflow use one of ${ACTION_SOURCES.join(', ')}`,
    );
  if (sourceProfile !== undefined && requested !== 'profile' && requested !== 'auto')
    throw new InputError(
      CliInputs.sourceProfile,
      `is given, but source is '${requested}'`,
      "Drop source-profile, or set source to 'profile' (or leave it at auto)",
    );
  const source = sourceProfile === undefined ? requested : 'profile';
  if (keys && source !== 'keys' && source !== 'auto')
    throw new InputError(
      Inputs.awsAccessKeyId,
      `is given, but source is '${source}', which does not use access keys`,
      "These inputs conflict: remove the keys, or set source to 'keys' (or auto)",
    );
  if (source === 'keys' && !keys)
    throw new InputError(
      Inputs.awsAccessKeyId,
      "is missing, but source is 'keys'",
      'Give aws-access-key-id and aws-secret-access-key, e.g. from secrets, or choose another source',
    );
  if (source === 'web-identity' && webIdentityTokenFile === undefined)
    throw new InputError(
      Inputs.webIdentityTokenFile,
      `is not given and ${AwsEnv.webIdentityTokenFile} is not set, but source is 'web-identity'`,
      `Set web-identity-token-file to the token's path, or set ${AwsEnv.webIdentityTokenFile} (EKS IRSA sets it in the pod)`,
    );
  return source;
}

/** Sources whose first call is AssumeRoleWithWebIdentity: they have no identity without a role. */
export function sourceNeedsRole(source: SourceName): boolean {
  return source === 'oidc' || source === 'web-identity';
}
