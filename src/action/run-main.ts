import * as core from '@actions/core';
import { Outputs } from '../constants.ts';
import { checkLaterSteps, type FamilyVerdict } from '../later-steps/index.ts';
import { finalIdentities } from '../obtain/check-accounts.ts';
import { obtainCredentials } from '../obtain/obtain-credentials.ts';
import { reportObtained } from '../obtain/report-obtained.ts';
import { accountIdOf } from '../sts/arn.ts';
import { actionLogger } from './action-logger.ts';
import { exportCredentials, setIdentityOutputs } from './hand-over.ts';
import { writeSuccessSummary } from './job-summary.ts';
import { readSettings } from './read-settings.ts';

/** The main step: settings, source, chains, checks, then the hand-over; nothing is handed over on failure. */
export async function runMain(env: NodeJS.ProcessEnv): Promise<void> {
  const settings = readSettings(env);
  if (settings.maskAccountId) {
    // The role ARNs name their accounts before any call: mask those first, as every hop's debug line shows them.
    const roleArns = [...settings.roleArns, ...settings.profiles.flatMap((profile) => profile.roleArns)];
    for (const account of new Set(roleArns.map(accountIdOf))) actionLogger.mask(account ?? '');
  }
  const obtained = await obtainCredentials(settings, env, actionLogger);

  if (settings.maskAccountId) {
    for (const identity of finalIdentities(obtained)) {
      actionLogger.mask(identity.accountId);
      actionLogger.mask(identity.arn);
    }
    for (const hop of obtained.hops) actionLogger.mask(hop.arn);
  }
  reportObtained(obtained, settings, actionLogger);

  if (settings.profiles.length > 0) {
    const { writeActionProfiles } = await import('./write-action-profiles.ts');
    const summary = await writeActionProfiles(settings, obtained, env);
    core.setOutput(Outputs.profiles, JSON.stringify(summary));
  }
  let laterSteps: FamilyVerdict[] | undefined;
  if (obtained.main) {
    if (settings.exportEnv) {
      exportCredentials(obtained.main, settings.region);
      core.info('exported AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN to later steps');
      laterSteps = await checkLaterSteps(env, obtained.main.credentials, actionLogger);
    }
    setIdentityOutputs(obtained.main, settings);
  }
  await writeSuccessSummary(obtained, {
    maskAccountId: settings.maskAccountId,
    exportedTo: settings.exportEnv
      ? 'environment variables'
      : settings.outputCredentials
        ? 'step outputs'
        : 'role-arn (not handed over)',
    laterSteps,
  });
}
