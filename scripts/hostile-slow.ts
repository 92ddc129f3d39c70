// The default-budget proofs of the hostile-server suite, too slow for `npm test` (about 90 s):
// with no tuning at all, a trickling STS ends the step within the documented total budget + 15 s, and a
// 100 MiB body keeps the step's peak memory under 300 MB. Runs the built action (npm run build first).
import { fileURLToPath } from 'node:url';
import { DEFAULT_RETRY_POLICY } from '../src/net/retry.ts';
import { type AwsTestServer, startAwsTestServer } from '../testing/aws-test-server/index.ts';
import { createJob } from '../testing/runner-harness/index.ts';

const BUDGET_MS = DEFAULT_RETRY_POLICY.totalTimeoutMs + 15_000;
const RSS_LIMIT_KIB = 300 * 1000;
const MEASURED_MAIN = fileURLToPath(new URL('./support/measured-main.mjs', import.meta.url));

async function runStep(server: AwsTestServer, entry?: string) {
  const keys = server.issueKeys();
  const job = await createJob({
    env: { AWS_ENDPOINT_URL_STS: server.stsEndpoint, AWS_EC2_METADATA_DISABLED: 'true' },
  });
  try {
    const step = await job.runStep(
      {
        'aws-access-key-id': keys.accessKeyId,
        'aws-secret-access-key': keys.secretAccessKey,
        'role-arn': 'arn:aws:iam::111111111111:role/deploy',
      },
      { timeoutMs: BUDGET_MS + 30_000, runPost: false, ...(entry ? { entry } : {}) },
    );
    return step.main;
  } finally {
    await job.cleanup();
  }
}

const failures: string[] = [];
const server = await startAwsTestServer();
try {
  server.faults.inject({
    target: 'sts',
    kind: 'hostile',
    hostility: 'trickle',
    intervalMs: 500,
    count: 1000,
  });
  const trickle = await runStep(server);
  const seconds = (trickle.durationMs / 1000).toFixed(1);
  console.log(
    `trickling STS (200, then a byte every 500 ms), defaults: step ended in ${seconds} s, exit ${trickle.exitCode}`,
  );
  if (trickle.timedOut || trickle.durationMs > BUDGET_MS || trickle.exitCode !== 1)
    failures.push(`the trickling STS did not end the step (exit 1) within ${BUDGET_MS / 1000} s`);

  server.faults.clear();
  server.faults.inject({
    target: 'sts',
    kind: 'hostile',
    hostility: 'oversize',
    sizeBytes: 100 * 1024 * 1024,
    count: 1000,
  });
  const oversize = await runStep(server, MEASURED_MAIN);
  const peak = Number(/peak-rss-kib (\d+)/.exec(oversize.stderr)?.[1]);
  console.log(
    `100 MiB STS body, defaults: peak RSS ${(peak / 1000).toFixed(0)} MB, exit ${oversize.exitCode}`,
  );
  if (!(peak < RSS_LIMIT_KIB) || oversize.exitCode !== 1)
    failures.push(
      `the 100 MiB body took the step to ${peak} KiB (limit ${RSS_LIMIT_KIB}) or did not fail it`,
    );
  if (oversize.stdout.length > 100_000)
    failures.push(`the step printed ${oversize.stdout.length} characters of the body`);
} finally {
  await server.close();
}
for (const failure of failures) console.error(`FAIL: ${failure}`);
process.exitCode = failures.length > 0 ? 1 : 0;
