import type { Logger } from '../logger.ts';
import { createRedactor, printable } from '../safe-text.ts';
import { cliErrorMessage, inCliWords } from './args/cli-words.ts';

/** Set to 1 (or true) for the same step-by-step log as --verbose, e.g. inside a credential_process. */
export const DEBUG_ENV = 'ASSUME_AWS_ROLE_DEBUG';
const PREFIX = 'assume-aws-role';

export interface CliReporter {
  /** The core's Logger: warnings always, info and debug lines only when verbose. */
  logger(verbose: boolean): CliLogger;
  /** The one message of a failed run: the error's own text (the same diagnosis the action prints). */
  error(error: unknown): void;
}

export interface CliLogger extends Logger {
  /** A line the person always sees, such as where profiles were written. */
  note(message: string): void;
}

/**
 * Everything the CLI says goes to stderr (stdout carries the credentials) through here, with every
 * secret the core registered through `mask` replaced and every control character shown as an escape,
 * so that no message can leak a secret or drive the terminal.
 */
export function createCliReporter(write: (text: string) => void): CliReporter {
  const redactor = createRedactor();
  const line = (text: string) => write(`${printable(redactor.redact(text))}\n`);
  return {
    logger(verbose) {
      return {
        info: (message) => {
          if (verbose) line(message);
        },
        debug: (message) => {
          if (verbose) line(`debug: ${message}`);
        },
        warning: (message) => line(`${PREFIX}: warning: ${inCliWords(message)}`),
        note: (message) => line(`${PREFIX}: ${message}`),
        mask: (secret) => {
          if (secret) redactor.add(secret);
        },
      };
    },
    error(error) {
      line(`${PREFIX}: ${cliErrorMessage(error)}`);
    },
  };
}

export function debugRequested(env: NodeJS.ProcessEnv): boolean {
  const value = env[DEBUG_ENV]?.trim().toLowerCase();
  return value === '1' || value === 'true';
}
