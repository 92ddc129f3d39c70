import { diagnoseHopFailure, type HopContext } from '../diagnosis/diagnose-hop-failure.ts';
import { readTokenClaims, type TokenClaims } from '../diagnosis/jwt-claims.ts';
import type { Identity } from '../identity.ts';
import type { SourceStart } from '../sources/source.ts';
import type { SessionParameters } from '../sts/session-parameters.ts';
import { assumeRole, assumeRoleWithWebIdentity } from '../sts/sts-calls.ts';
import { stsEndpointName } from '../sts/sts-config.ts';
import { stsErrorCode } from '../sts/sts-errors.ts';
import type { ChainContext, HopPlace } from './chain-context.ts';

/** AssumeRole with credentials; expired source credentials are renewed once on the first hop. */
export async function fromCredentials(
  caller: SourceStart & { kind: 'credentials' },
  roleArn: string,
  parameters: SessionParameters,
  place: HopPlace,
  context: ChainContext,
): Promise<Identity> {
  const attempt = (who: Identity) =>
    assumeRole(who.credentials, roleArn, parameters, context.sts, context.onSecret);
  const failure = (error: unknown, who: string, callerIsSource: boolean) =>
    diagnoseHopFailure(
      error,
      hopContext(roleArn, parameters, place, context, 'AssumeRole', who, callerIsSource),
    );
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
        throw failure(retryError, renewed.arn ?? renewed.description, true);
      }
    }
    throw failure(error, caller.identity.arn ?? caller.identity.description, place.isFirstHop);
  }
}

const STALE_TOKEN_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'InvalidIdentityToken']);

/** AssumeRoleWithWebIdentity; a stale token gets one fresh token and one more try. */
export async function fromWebIdentity(
  caller: SourceStart & { kind: 'web-identity' },
  roleArn: string,
  parameters: SessionParameters,
  place: HopPlace,
  context: ChainContext,
): Promise<Identity> {
  const call = (token: string) =>
    assumeRoleWithWebIdentity(token, roleArn, parameters, context.sts, context.onSecret);
  const failure = (error: unknown, claims: TokenClaims | undefined) =>
    diagnoseHopFailure(
      error,
      hopContext(
        roleArn,
        parameters,
        place,
        context,
        'AssumeRoleWithWebIdentity',
        caller.description,
        true,
        claims,
      ),
    );
  let token = await caller.token();
  let claims = readTokenClaims(token);
  try {
    return await call(token);
  } catch (error) {
    // An expired token, or one STS could not verify because it failed to fetch the issuer's keys, gets one fresh token.
    const retryable = STALE_TOKEN_CODES.has(stsErrorCode(error)) && isStaleTokenError(error);
    if (!retryable) throw failure(error, claims);
    context.debug(`${place.position}: ${stsErrorCode(error)}; requesting a fresh token once`);
    token = await caller.token();
    claims = readTokenClaims(token);
    try {
      return await call(token);
    } catch (retryError) {
      throw failure(retryError, claims);
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
  roleArn: string,
  parameters: SessionParameters,
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
    roleArn,
    caller,
    callerIsSource,
    sourceName: context.sourceName,
    claims,
    tagsSent: parameters.tags.length > 0,
    endpoint: stsEndpointName(context.sts),
  };
}
