import * as core from '@actions/core';
import type { Logger } from '../logger.ts';

/** The core's Logger on the runner: workflow commands through @actions/core. */
export const actionLogger: Logger = {
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  warning: (message) => core.warning(message),
  mask: (secret) => {
    if (secret) core.setSecret(secret);
  },
};
