import type { Identity } from '../identity.ts';
import type { SourceStart } from '../sources/source.ts';
import type { SessionParameters } from '../sts/session-parameters.ts';
import type { ChainContext, HopPlace } from './chain-context.ts';
import { fromCredentials, fromWebIdentity } from './hop-calls.ts';
import type { HopRecord } from './result.ts';

/** STS refuses more than an hour to a role session assuming another role ("role chaining"). */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/** One hop: the run's parameters narrowed to this hop, one STS call, and its record. */
export async function assumeHop(
  caller: SourceStart,
  roleArn: string,
  place: HopPlace,
  context: ChainContext,
): Promise<{ identity: Identity; record: HopRecord }> {
  const parameters = hopParameters(context.parameters, place, isChained(caller));
  const { durationSeconds } = parameters;
  context.debug(
    `${place.position}: ${caller.kind === 'web-identity' ? 'AssumeRoleWithWebIdentity' : 'AssumeRole'} ${roleArn} for ${durationSeconds}s`,
  );
  const identity =
    caller.kind === 'web-identity'
      ? await fromWebIdentity(caller, roleArn, parameters, place, context)
      : await fromCredentials(caller, roleArn, parameters, place, context);
  const requested = context.parameters.durationSeconds;
  const record: HopRecord = {
    position: place.position,
    roleArn,
    arn: identity.arn ?? roleArn,
    durationSeconds,
    cappedFrom: durationSeconds < requested ? requested : undefined,
    expiration: identity.credentials.expiration,
  };
  return { identity, record };
}

function isChained(caller: SourceStart): boolean {
  return caller.kind === 'credentials' && caller.identity.isRoleSession;
}

/** Duration capped for role chaining, session policies on the last hop only, MFA on the first only. */
function hopParameters(run: SessionParameters, place: HopPlace, chained: boolean): SessionParameters {
  return {
    ...run,
    durationSeconds: chained ? Math.min(run.durationSeconds, ROLE_CHAINING_MAX_SECONDS) : run.durationSeconds,
    policy: place.isLast ? run.policy : undefined,
    policyArns: place.isLast ? run.policyArns : [],
    mfa: place.isFirstHop ? run.mfa : undefined,
  };
}
