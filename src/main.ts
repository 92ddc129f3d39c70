import * as core from '@actions/core';
import { writeFailureSummary } from './action/job-summary.ts';
import { runMain } from './action/run-main.ts';

try {
  await runMain(process.env);
} catch (error) {
  // Anything thrown fails the step, not only Error instances.
  const message = error instanceof Error ? error.message : String(error);
  core.setFailed(message);
  await writeFailureSummary(message).catch(() => {});
}
