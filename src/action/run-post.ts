import { actionLogger } from './action-logger.ts';

/** Removes exactly the profiles main wrote, if they still hold what it wrote. Warns; never fails the job. */
export async function runPost(recorded: string, cleanup: boolean): Promise<void> {
  if (!cleanup) {
    actionLogger.info('cleanup is false: the profiles written by this step stay in the shared files');
    return;
  }
  try {
    const { removeProfiles } = await import('../profiles/index.ts');
    const warnings = await removeProfiles(JSON.parse(recorded));
    for (const warning of warnings) actionLogger.warning(`cleanup: ${warning}`);
    actionLogger.info(
      warnings.length === 0
        ? 'removed the profiles this step wrote'
        : 'removed the sections that still held what this step wrote; see the warnings for the others',
    );
  } catch (error) {
    actionLogger.warning(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
  }
}
