import { isatty } from 'node:tty';
import type { AwsCredentials } from '../credentials.ts';
import { reportObtained } from '../obtain/report-obtained.ts';
import type { ObtainedCredentials } from '../obtain/result.ts';
import { type CliSettings, readCliSettings, readCliSettingsWithoutCode } from './args/cli-settings.ts';
import type { RunCommand } from './args/parse-args.ts';
import { cachedCredentials } from './cache/cached-or-fresh.ts';
import { type CliLogger, type CliReporter, debugRequested } from './cli-logger.ts';
import { buildExecEnv } from './exec/exec-environment.ts';
import { EXIT_OK } from './exit-codes.ts';
import { formatCredentials } from './formats/output-formats.ts';
import { mfaCodePrompt } from './mfa-prompt.ts';

/** What the CLI touches of its process, passed in so that nothing is opened before it is needed. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdinIsTerminal: boolean;
  /** Whether any of stdin, stdout or stderr is a terminal, whose Ctrl-C reaches the command too. */
  readonly atTerminal: boolean;
  readonly stdin: () => NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** This process's environment and standard streams; stdin is opened only if an MFA code is asked for. */
export function processIo(): CliIo {
  return {
    env: process.env,
    stdinIsTerminal: isatty(0),
    atTerminal: isatty(0) || isatty(1) || isatty(2),
    stdin: () => process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

/**
 * One run: settings, then credentials (from the cache for a cached credential_process), then the
 * hand-over: written profiles, a command run with them, or text on stdout. Resolves to the exit status.
 */
export async function runCli(command: RunCommand, io: CliIo, reporter: CliReporter): Promise<number> {
  const logger = reporter.logger(command.verbose === true || debugRequested(io.env));
  const askMfaCode = mfaCodePrompt({ isTerminal: io.stdinIsTerminal, input: io.stdin, output: io.stderr });
  // A cached credential_process asks for an MFA code only on a miss: the cache is looked up without one.
  const settings = command.credentialProcessCache
    ? readCliSettingsWithoutCode(command, io.env)
    : await readCliSettings(command, io.env, askMfaCode);
  logger.debug(`session name: ${settings.sessionName}`);
  const complete = async (): Promise<CliSettings> =>
    settings.mfaSerial === undefined || settings.mfaCode !== undefined
      ? settings
      : readCliSettings(command, io.env, askMfaCode);
  const obtain = async () => obtainChecked(await complete(), io.env, logger, askMfaCode);

  if (settings.profiles.length > 0) {
    const obtained = await obtain();
    const { writeCliProfiles } = await import('./write-cli-profiles.ts');
    await writeCliProfiles(settings, obtained, io.env, logger);
    return EXIT_OK;
  }
  const mainCredentials = async () => mainOf(await obtain());
  if (command.command) {
    const credentials = await mainCredentials();
    const { execCommand } = await import('./exec/exec-command.ts');
    return execCommand(command.command, {
      env: buildExecEnv(io.env, credentials, settings.region),
      terminalDeliversInterrupt: io.atTerminal,
    });
  }
  const credentials = command.credentialProcessCache
    ? await cachedCredentials(settings, io.env, logger, mainCredentials)
    : await mainCredentials();
  io.stdout.write(formatCredentials(command.format, credentials, { region: settings.region }));
  return EXIT_OK;
}

/** The core's run (loaded only now, so a cache hit never loads the SDK), logged and checked as the action does. */
async function obtainChecked(
  settings: CliSettings,
  env: NodeJS.ProcessEnv,
  logger: CliLogger,
  askMfaCode: (serial: string) => Promise<string>,
): Promise<ObtainedCredentials> {
  const { obtainCredentials } = await import('../obtain/obtain-credentials.ts');
  const { chooseCliSource } = await import('../sources/choose-cli-source.ts');
  const obtained = await obtainCredentials(settings, env, logger, {
    mfaCodeProvider: askMfaCode,
    loadSharedProfile: () => import('../sources/shared-profile.ts'),
    choose: chooseCliSource,
  });
  reportObtained(obtained, settings, logger);
  return obtained;
}

function mainOf(obtained: ObtainedCredentials): AwsCredentials {
  if (!obtained.main) throw new Error('no credentials were obtained to hand over (this is a bug)');
  return obtained.main.credentials;
}
