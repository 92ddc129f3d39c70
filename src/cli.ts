import packageJson from '../package.json' with { type: 'json' };
import { HELP_TEXT, parseCliArgs } from './cli/args/parse-args.ts';
import { createCliReporter } from './cli/cli-logger.ts';
import { exitCodeForError } from './cli/exit-codes.ts';

// Help and version load nothing else: a run's code, the SDK included, is imported only for a run.
const reporter = createCliReporter((text) => process.stderr.write(text));
try {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.kind === 'help') process.stdout.write(HELP_TEXT);
  else if (command.kind === 'version') process.stdout.write(`${packageJson.version}\n`);
  else {
    const { processIo, runCli } = await import('./cli/run-cli.ts');
    process.exitCode = await runCli(command, processIo(), reporter);
  }
} catch (error) {
  // Anything thrown ends the run with its message, not only Error instances.
  reporter.error(error);
  process.exitCode = exitCodeForError(error);
}
