import type { AwsCredentials } from '../credentials.ts';
import type { Logger } from '../logger.ts';
import { overriderWarnings } from './overrider-warnings.ts';
import { readSharedProfiles } from './read-shared-profiles.ts';
import { describeUse, type FamilyVerdict, whoWillSign } from './who-will-sign.ts';

/**
 * After exporting `credentials`: which credentials each SDK family will use in a later step, with one
 * warning per overrider. Shared files that cannot be read are reported and taken as empty: this check
 * never fails a step that already handed over.
 */
export async function checkLaterSteps(
  env: NodeJS.ProcessEnv,
  credentials: AwsCredentials,
  logger: Logger,
): Promise<FamilyVerdict[]> {
  const after = {
    ...env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken ?? '',
  };
  const profiles = await readSharedProfiles(env).catch((error: unknown) => {
    logger.warning(
      `could not read the shared files to tell which credentials later steps use: ${error instanceof Error ? error.message : String(error)}`,
    );
    return [];
  });
  const verdicts = whoWillSign(after, profiles);
  for (const verdict of verdicts)
    logger.debug(`later steps: ${verdict.family.name} → ${describeUse(verdict.use)}`);
  for (const warning of overriderWarnings(verdicts, after)) logger.warning(warning);
  return verdicts;
}
