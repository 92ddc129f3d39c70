// `npm run demo`: the built action in a simulated workflow job against the local AWS test server.
// Shows what the runner shows: the log with secrets masked, the variables handed to later steps,
// the outputs, the job summary, and a later step using the credentials. No AWS account is needed.
import { oidcEnv, startAwsTestServer } from '../testing/aws-test-server/index.ts';
import { createJob, type PhaseResult } from '../testing/runner-harness/index.ts';
import { summaryText } from './summary-text.ts';

const HUB = 'arn:aws:iam::111111111111:role/ci-hub';
const DEPLOY = 'arn:aws:iam::222222222222:role/deploy';

const server = await startAwsTestServer();
const job = await createJob({ env: oidcEnv(server) });
try {
  heading('step: uses: assume-aws-role (GitHub OIDC, then a chain of two roles)');
  const inputs = {
    'role-arn': `${HUB} -> ${DEPLOY}`,
    region: 'eu-west-1',
    'sts-endpoint': server.stsEndpoint,
  };
  console.log(
    indent(
      Object.entries(inputs)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n'),
    ),
  );
  const { main, post } = await job.runStep(inputs);
  heading('the log, as the runner shows it (masked)');
  console.log(indent(runnerLog(main)));
  heading('exported to later steps (GITHUB_ENV)');
  for (const [name, value] of Object.entries(main.exported))
    console.log(indent(`${name}=${mask(value, main.masks)}`));
  heading('step outputs');
  for (const [name, value] of Object.entries(main.outputs)) console.log(indent(`${name}: ${value}`));
  heading('job summary');
  console.log(indent(summaryText(main.summary).trimEnd()));
  heading('a later step: who am I? (GetCallerIdentity with the exported credentials)');
  const later = await job.runStep({ source: 'env', 'sts-endpoint': server.stsEndpoint }, { runPost: false });
  console.log(indent(`arn: ${later.main.outputs.arn}`));
  const sts = server.requests.filter((request) => request.target === 'sts').map((request) => request.action);
  heading('what the test server saw');
  console.log(indent(`STS calls: ${sts.join(', ')} (one per hop, then the later step's check)`));
  console.log(
    indent(
      `exit codes: main ${main.exitCode}, post ${post?.exitCode ?? '-'}, later step ${later.main.exitCode}`,
    ),
  );
  process.exitCode = main.exitCode === 0 && later.main.exitCode === 0 ? 0 : 1;
} finally {
  await job.cleanup();
  await server.close();
}

/** stdout as the runner renders it: commands interpreted, masked values replaced by ***. */
function runnerLog(phase: PhaseResult): string {
  return phase.stdout
    .split('\n')
    .filter((line) => line && !line.startsWith('::add-mask::') && !line.startsWith('::debug::'))
    .map((line) =>
      mask(
        line.replace(/^::(warning|error|notice)[^:]*::/, (_, kind: string) => `${kind}: `),
        phase.masks,
      ),
    )
    .join('\n');
}

function mask(text: string, secrets: readonly string[]): string {
  return secrets.reduce((masked, secret) => (secret ? masked.replaceAll(secret, '***') : masked), text);
}

function heading(text: string): void {
  console.log(`\n== ${text}`);
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '   ');
}
