import { diagnoseHopFailure } from '../diagnosis/diagnose-hop-failure.ts';
import { SourceError } from '../errors.ts';
import type { SourceStart } from '../sources/source.ts';
import type { SourceChoice } from '../sources/source-choice.ts';
import { accountIdOf } from '../sts/arn.ts';
import { getCallerIdentity } from '../sts/sts-calls.ts';
import { type StsConfig, stsEndpointName } from '../sts/sts-config.ts';
import type { ResolvedIdentity } from './result.ts';

/** With no role to assume, one GetCallerIdentity validates the source and names its account. */
export async function checkSourceIdentity(
  start: SourceStart,
  choice: SourceChoice,
  sts: StsConfig,
): Promise<ResolvedIdentity> {
  if (start.kind === 'web-identity') {
    throw new SourceError(
      choice.name,
      'a web identity token cannot be used without a role to assume',
      'Set role-arn',
    );
  }
  const issuedArn = start.arnIssued ? start.identity.arn : undefined;
  if (issuedArn) return { ...start.identity, arn: issuedArn, accountId: accountIdOf(issuedArn) ?? '' };
  try {
    const arn = await getCallerIdentity(start.identity.credentials, sts);
    return { ...start.identity, arn, accountId: accountIdOf(arn) ?? '' };
  } catch (error) {
    throw diagnoseHopFailure(error, {
      position: 'credential check',
      operation: 'GetCallerIdentity',
      caller: start.identity.description,
      callerIsSource: true,
      sourceName: choice.name,
      tagsSent: false,
      endpoint: stsEndpointName(sts),
    });
  }
}
