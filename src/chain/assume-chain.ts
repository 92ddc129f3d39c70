import { callerForDiagnosis } from '../diagnosis/caller-arn.ts';
import { diagnoseHopFailure, type HopContext } from '../diagnosis/diagnose-hop-failure.ts';
import { readTokenClaims, type TokenClaims } from '../diagnosis/jwt-claims.ts';
import type { Identity } from '../identity.ts';
import type { SourceStart } from '../sources/source.ts';
import { assumeRole, assumeRoleWithWebIdentity, type HopRequest, type SecretSink } from '../sts/sts-calls.ts';
import { type StsConfig, stsEndpointName } from '../sts/sts-config.ts';
import { stsErrorCode } from '../sts/sts-errors.ts';

/** STS refuses more than an hour to a role session assuming another role ("role chaining"). */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/** The per-hop parameters shared by every hop of a run. */
export interface HopParameters {
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly externalId?: string;
  readonly sourceIdentity?: string;
  readonly tags: HopRequest['tags'];
  readonly transitiveTagKeys: HopRequest['transitiveTagKeys'];
  readonly policy?: string;
  readonly policyArns: readonly string[];
  readonly mfa?: HopRequest['mfa'];
}

export interface ChainContext {
  readonly sts: StsConfig;
  readonly parameters: HopParameters;
  readonly sourceName: string;
  readonly onSecret: SecretSink;
  readonly debug: (message: string) => void;
}

/** One hop as it happened, for logs, outputs and the job summary. */
export interface HopRecord {
  readonly position: string;
  readonly roleArn: string;
  readonly arn: string;
  readonly durationSeconds: number;
  readonly cappedFrom?: number;
  readonly expiration?: Date;
}

export interface ChainPart {
  readonly roleArns: readonly string[];
  /** Where these hops sit in the whole chain, for messages: hop (offset + i) of total. */
  readonly offset: number;
  readonly total: number;
  /** Session policies go on the last hop of a whole chain only. */
  readonly isChainEnd: boolean;
  readonly label?: string; // e.g. `profile prod`
}

/** Assumes the roles in order, one STS call each, starting from a source or an earlier hop. */
export async function assumeChain(start: SourceStart, part: ChainPart, context: ChainContext) {
  let current: SourceStart = start;
  const hops: HopRecord[] = [];
  for (const [index, roleArn] of part.roleArns.entries()) {
    const number = part.offset + index + 1;
    const position = `${part.label ? `${part.label}: ` : ''}hop ${number} of ${part.total}`;
    const isLast = part.isChainEnd && index === part.roleArns.length - 1;
    const identity = await assumeHop(
      current,
      roleArn,
      { position, isLast, isFirstHop: number === 1 },
      context,
    );
    hops.push(identity.record);
    current = { kind: 'credentials', identity: identity.identity };
  }
  return { identity: current.kind === 'credentials' ? current.identity : undefined, hops };
}

interface HopPlace {
  readonly position: string;
  readonly isLast: boolean;
  readonly isFirstHop: boolean;
}

async function assumeHop(caller: SourceStart, roleArn: string, place: HopPlace, context: ChainContext) {
  const { parameters } = context;
  const chained = caller.kind === 'credentials' && caller.identity.isRoleSession;
  const durationSeconds = chained
    ? Math.min(parameters.durationSeconds, ROLE_CHAINING_MAX_SECONDS)
    : parameters.durationSeconds;
  const request: HopRequest = {
    roleArn,
    sessionName: parameters.sessionName,
    durationSeconds,
    externalId: parameters.externalId,
    sourceIdentity: parameters.sourceIdentity,
    tags: parameters.tags,
    transitiveTagKeys: parameters.transitiveTagKeys,
    policy: place.isLast ? parameters.policy : undefined,
    policyArns: place.isLast ? parameters.policyArns : undefined,
    mfa: place.isFirstHop ? parameters.mfa : undefined,
  };
  context.debug(
    `${place.position}: ${caller.kind === 'web-identity' ? 'AssumeRoleWithWebIdentity' : 'AssumeRole'} ${roleArn} for ${durationSeconds}s`,
  );
  const identity =
    caller.kind === 'web-identity'
      ? await fromWebIdentity(caller, request, place, context)
      : await fromCredentials(caller, request, place, context);
  const record: HopRecord = {
    position: place.position,
    roleArn,
    arn: identity.arn ?? roleArn,
    durationSeconds,
    cappedFrom: durationSeconds < parameters.durationSeconds ? parameters.durationSeconds : undefined,
    expiration: identity.credentials.expiration,
  };
  return { identity, record };
}

async function fromCredentials(
  caller: SourceStart & { kind: 'credentials' },
  request: HopRequest,
  place: HopPlace,
  context: ChainContext,
): Promise<Identity> {
  const attempt = (who: Identity) => assumeRole(who.credentials, request, context.sts, context.onSecret);
  try {
    return await attempt(caller.identity);
  } catch (error) {
    // Source credentials that expired are renewed once (new IMDS or container credentials), then tried again.
    if (stsErrorCode(error) === 'ExpiredToken' && caller.renew && place.isFirstHop) {
      context.debug(`${place.position}: source credentials expired; renewing them once`);
      const renewed = await caller.renew();
      try {
        return await attempt(renewed);
      } catch (retryError) {
        const who = await callerForDiagnosis(retryError, renewed, context.sts);
        throw diagnoseHopFailure(
          retryError,
          hopContext(request, place, context, 'AssumeRole', who ?? renewed.description, true),
        );
      }
    }
    const who = await callerForDiagnosis(error, caller.identity, context.sts);
    throw diagnoseHopFailure(
      error,
      hopContext(request, place, context, 'AssumeRole', who ?? caller.identity.description, place.isFirstHop),
    );
  }
}

const STALE_TOKEN_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'InvalidIdentityToken']);

async function fromWebIdentity(
  caller: SourceStart & { kind: 'web-identity' },
  request: HopRequest,
  place: HopPlace,
  context: ChainContext,
): Promise<Identity> {
  let token = await caller.token();
  let claims = readTokenClaims(token);
  try {
    return await assumeRoleWithWebIdentity(token, request, context.sts, context.onSecret);
  } catch (error) {
    // An expired token, or one STS could not verify because it failed to fetch the issuer's keys, gets one fresh token.
    const retryable = STALE_TOKEN_CODES.has(stsErrorCode(error)) && isStaleTokenError(error);
    if (!retryable)
      throw diagnoseHopFailure(
        error,
        hopContext(request, place, context, 'AssumeRoleWithWebIdentity', caller.description, true, claims),
      );
    context.debug(`${place.position}: ${stsErrorCode(error)}; requesting a fresh token once`);
    token = await caller.token();
    claims = readTokenClaims(token);
    try {
      return await assumeRoleWithWebIdentity(token, request, context.sts, context.onSecret);
    } catch (retryError) {
      throw diagnoseHopFailure(
        retryError,
        hopContext(request, place, context, 'AssumeRoleWithWebIdentity', caller.description, true, claims),
      );
    }
  }
}

function isStaleTokenError(error: unknown): boolean {
  if (stsErrorCode(error) !== 'InvalidIdentityToken') return true;
  return /retrieve verification key|couldn't retrieve|could not retrieve/i.test(
    error instanceof Error ? error.message : '',
  );
}

function hopContext(
  request: HopRequest,
  place: HopPlace,
  context: ChainContext,
  operation: HopContext['operation'],
  caller: string,
  callerIsSource: boolean,
  claims?: TokenClaims,
): HopContext {
  return {
    position: place.position,
    operation,
    roleArn: request.roleArn,
    caller,
    callerIsSource,
    sourceName: context.sourceName,
    claims,
    tagsSent: Boolean(request.tags?.length),
    endpoint: stsEndpointName(context.sts),
  };
}
