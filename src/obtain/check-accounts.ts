import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { ObtainedCredentials, ResolvedIdentity } from './result.ts';

/** The identities a run hands over: the end of the common chain (or the source), and every profile's. */
export function finalIdentities(obtained: ObtainedCredentials): ResolvedIdentity[] {
  return [...(obtained.main ? [obtained.main] : []), ...obtained.profiles.map((profile) => profile.identity)];
}

/** Every final identity must be in an allowed account, or nothing is handed over. */
export function checkAllowedAccounts(obtained: ObtainedCredentials, allowed: readonly string[]): void {
  if (allowed.length === 0) return;
  for (const identity of finalIdentities(obtained)) {
    if (!allowed.includes(identity.accountId)) {
      throw new InputError(
        Inputs.allowedAccountIds,
        `the credentials obtained are for account ${identity.accountId}, which is not in the list`,
        'Add the account to allowed-account-ids if it is right, or fix role-arn; nothing was exported',
      );
    }
  }
}
