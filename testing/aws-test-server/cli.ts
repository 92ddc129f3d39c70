// Runs the test server until SIGTERM or SIGINT, after printing one JSON line that describes it.
import { CLI_USAGE, parseCliOptions } from './cli-options.ts';
import { describeServer, startAwsTestServer } from './index.ts';

async function main(): Promise<void> {
  const server = await startAwsTestServer(parseCliOptions(process.argv.slice(2)));
  process.stdout.write(`${JSON.stringify(describeServer(server))}\n`);
  const stop = () => void server.close(); // once closed, nothing keeps the process alive
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `aws-test-server: ${error instanceof Error ? error.message : String(error)}\n${CLI_USAGE}\n`,
  );
  process.exitCode = 1;
});
