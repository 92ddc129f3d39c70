import * as core from '@actions/core';
import type { Logger } from '../logger.ts';
import { createRedactor, printable } from '../safe-text.ts';

const redactor = createRedactor();
/** Every line the action prints passes here: registered secrets removed, no control character, no `::` command. */
const safe = (message: string): string => printable(redactor.redact(message));

/** The core's Logger on the runner: workflow commands through @actions/core. */
export const actionLogger: Logger = {
  info: (message) => core.info(safe(message)),
  debug: (message) => core.debug(safe(message)),
  warning: (message) => core.warning(safe(message)),
  mask: (secret) => {
    if (!secret) return;
    core.setSecret(secret);
    redactor.add(secret);
  },
};

/** The step's one failure message, through the same door as every other line. */
export function failStep(error: unknown): string {
  const message = safe(error instanceof Error ? error.message : String(error));
  core.setFailed(message);
  return message;
}
