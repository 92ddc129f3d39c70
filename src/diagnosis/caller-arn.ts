import type { Identity } from '../identity.ts';
import { getCallerIdentity } from '../sts/sts-calls.ts';
import type { StsConfig } from '../sts/sts-config.ts';
import { stsErrorCode } from '../sts/sts-errors.ts';

/**
 * On the failure path of an AssumeRole refused with AccessDenied, the caller as the trust policy sees it.
 * Keys known only by their id (source keys or env) cost one GetCallerIdentity, so the fix can name the
 * principal to allow; an ARN already known costs nothing. Undefined when STS does not say.
 */
export async function callerForDiagnosis(
  error: unknown,
  caller: Identity,
  sts: StsConfig,
): Promise<string | undefined> {
  if (caller.arn) return caller.arn;
  if (stsErrorCode(error) !== 'AccessDenied') return undefined;
  try {
    return await getCallerIdentity(caller.credentials, sts);
  } catch {
    return undefined; // the refusal, not this question, is what the person needs to see
  }
}
