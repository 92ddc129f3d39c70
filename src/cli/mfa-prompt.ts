import { createInterface } from 'node:readline';
import { CliInputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { printable } from '../safe-text.ts';

export interface PromptStreams {
  /** Whether stdin is a terminal, known without opening it (see `input`). */
  readonly isTerminal: boolean;
  /**
   * Opened only to ask: Node switches a piped stdin to non-blocking mode when it opens it, and a
   * command run after -- shares that descriptor.
   */
  readonly input: () => NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/**
 * Asks for an MFA code on stderr and reads one line from stdin, when stdin is a terminal. Anywhere
 * else nobody can answer, so it fails at once, naming the option that supplies the code.
 */
export function mfaCodePrompt(streams: PromptStreams): (serial: string) => Promise<string> {
  return async (serial) => {
    if (!streams.isTerminal) {
      throw new InputError(
        CliInputs.mfaCode,
        `is needed for the MFA device ${printable(serial)}, but stdin is not a terminal to ask for it`,
        'Pass --mfa-code with the 6 digits the device shows now',
      );
    }
    // Not in terminal mode: the terminal itself echoes what is typed on the screen, and readline
    // never copies the code to stderr, which may be a log file.
    const lines = createInterface({ input: streams.input(), terminal: false });
    // The serial comes from the user's config file: its control characters are shown, never sent.
    streams.output.write(`MFA code for ${printable(serial)}: `);
    try {
      return await new Promise<string>((resolve, reject) => {
        lines.once('line', (line) => resolve(line.trim()));
        lines.once('close', () =>
          reject(
            new InputError(
              CliInputs.mfaCode,
              'was not entered: stdin ended before a line',
              'Type the code and press Enter, or pass --mfa-code',
            ),
          ),
        );
      });
    } finally {
      lines.close();
    }
  };
}
