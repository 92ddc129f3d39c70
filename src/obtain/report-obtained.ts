import type { Logger } from '../logger.ts';
import type { Settings } from '../settings/settings.ts';
import { checkAllowedAccounts } from './check-accounts.ts';
import { durationCapWarning } from './duration-cap-warning.ts';
import type { ObtainedCredentials } from './result.ts';

/**
 * What the action and the CLI both do with a run's result: log each hop (or the checked source), refuse
 * an account outside allowed-account-ids, and warn once of durations the role-chaining limit shortened.
 */
export function reportObtained(obtained: ObtainedCredentials, settings: Settings, logger: Logger): void {
  for (const hop of obtained.hops) {
    logger.info(`${hop.position}: ${hop.arn} until ${hop.expiration?.toISOString() ?? '?'}`);
  }
  if (obtained.hops.length === 0 && obtained.main) logger.info(`credentials of ${obtained.main.arn} checked`);
  checkAllowedAccounts(obtained, settings.allowedAccountIds);
  const capWarning = durationCapWarning(obtained.hops);
  if (capWarning) logger.warning(capWarning);
}
