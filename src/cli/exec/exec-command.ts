// node:child_process, not @actions/exec: that pipes stdio and hides the child, so prompts, colours
// and signal forwarding would not work.
import { spawn } from 'node:child_process';
import { childExitCode } from '../exit-codes.ts';
import { CommandStartError } from './command-start-error.ts';

/**
 * Passed on to the command, so that stopping this process stops it (and its status is still reported).
 * SIGQUIT and SIGUSR2 would otherwise end this process and leave the command running on its own.
 */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] =
  process.platform === 'win32'
    ? ['SIGINT', 'SIGTERM', 'SIGHUP']
    : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];
/** What a terminal sends to its whole foreground process group (Ctrl-C, Ctrl-\). */
const KEYBOARD_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGQUIT'];

export interface ExecOptions {
  readonly env: Record<string, string>;
  /**
   * At a terminal, Ctrl-C (and Ctrl-\) already signal the whole foreground process group, the command
   * included: forwarding them as well would deliver a second one, which tools such as terraform take as
   * "stop now, without cleaning up". Then SIGINT and SIGQUIT are only waited out, not forwarded.
   */
  readonly terminalDeliversInterrupt: boolean;
}

/**
 * Runs `command` with stdio inherited and resolves to its exit status (128 + N when signal N killed
 * it). No shell is involved, on any platform: the arguments reach the command exactly as given.
 */
export function execCommand(command: readonly string[], options: ExecOptions): Promise<number> {
  const [file = '', ...args] = command;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env, stdio: 'inherit', shell: false });
    const forward = (signal: NodeJS.Signals) => {
      if (KEYBOARD_SIGNALS.includes(signal) && options.terminalDeliversInterrupt) return;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.once('error', (error) => {
      stopForwarding();
      reject(new CommandStartError(file, error));
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve(childExitCode(code, signal));
    });
  });
}
