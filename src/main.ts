import { failStep } from './action/action-logger.ts';
import { writeFailureSummary } from './action/job-summary.ts';
import { runMain } from './action/run-main.ts';

try {
  await runMain(process.env);
} catch (error) {
  // Anything thrown fails the step, not only Error instances.
  const message = failStep(error);
  await writeFailureSummary(message).catch(() => {});
}
