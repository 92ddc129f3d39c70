// Bad inputs end to end: the built action in a runner job whose every source endpoint is a test server.
// The rules themselves are the unit table's (__tests__/settings/bad-inputs.test.ts); here one row per way an
// input reaches the action (a plain input, a secret input, the environment, the profile inputs, a rule across
// inputs, a source) fails naming its input, before any network call, handing nothing on, showing no secret,
// and with the job's existing ~/.aws files untouched to the byte.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BAD_INPUTS, TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY } from '../../__fixtures__/bad-inputs.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  allEndpointsEnv,
  assertFailed,
  PHASE_TIMEOUT_MS,
  Pool,
  phaseLog,
  rowsFor,
  withJob,
} from '../../testing/e2e/index.ts';

/** Rows at once: each is one short node process. */
const CONCURRENCY = 4;
/** One row of the unit table per path into the action. */
const REPRESENTATIVE_ROWS = [
  'refuses an unknown source',
  'refuses a secret access key with a line break',
  'refuses a session token with a line break',
  'refuses a malformed AWS_REGION',
  'refuses a profiles line without a colon',
  'refuses refresh without a profile',
  "refuses source 'oidc' without a role",
];
const ROWS = BAD_INPUTS.filter((row) => REPRESENTATIVE_ROWS.includes(row.name));
/** Secret inputs are all masked by one loop (src/action/read-settings.ts): the second one runs in the deep tier. */
const DEEP_ONLY = ['refuses a session token with a line break'];
/** Byte-exact seeds, with the quirks an editor must keep: a comment, CRLF, no final newline. */
const SEEDED_CREDENTIALS =
  '# mine\r\n[default]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\n\r\n[dev]\r\nx = 1';
const SEEDED_CONFIG = '[default]\nregion = eu-west-1\n\n[profile dev]\nregion = us-east-2\n';

let servers: AwsTestServer[] = [];
let pool: Pool<AwsTestServer>;
before(async () => {
  servers = await Promise.all(Array.from({ length: CONCURRENCY }, () => startAwsTestServer()));
  pool = new Pool(servers);
});
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

test('every representative row is in the unit table', () => {
  // Membership, not order: the table's order follows its readers, the list here follows the paths in.
  const missing = REPRESENTATIVE_ROWS.filter((name) => !ROWS.some((row) => row.name === name));
  assert.deepEqual(missing, [], 'representative rows the unit table no longer has');
  assert.equal(ROWS.length, REPRESENTATIVE_ROWS.length, 'each representative row once');
});

describe('bad inputs, end to end', { concurrency: CONCURRENCY }, () => {
  for (const row of rowsFor(ROWS, (row) => !DEEP_ONLY.includes(row.name))) {
    test(row.name, () =>
      pool.use((server) =>
        withJob(allEndpointsEnv(server), async (job) => {
          const aws = join(job.home, '.aws');
          await mkdir(aws, { mode: 0o700 });
          await writeFile(join(aws, 'credentials'), SEEDED_CREDENTIALS, { mode: 0o600 });
          await writeFile(join(aws, 'config'), SEEDED_CONFIG, { mode: 0o600 });
          server.clearLog();

          // Main only: post.js does nothing without main's state, and running it would double the cost.
          const main = await job.runMain(
            { ...row.inputs },
            { env: { ...row.env }, timeoutMs: PHASE_TIMEOUT_MS },
          );
          const step = { main };

          const error = assertFailed(step);
          assert.ok(error.startsWith(`Input '${row.input}': `), `names ${row.input}: ${error}`);
          assert.deepEqual(server.requests, [], 'no network call was made');
          assert.equal(step.main.files.state, '', 'nothing saved for post');
          assert.equal(main.files.summary.includes(row.input), true, 'the job summary names the input too');
          assert.equal(await readFile(join(aws, 'credentials'), 'utf8'), SEEDED_CREDENTIALS);
          assert.equal(await readFile(join(aws, 'config'), 'utf8'), SEEDED_CONFIG);
          assert.deepEqual((await readdir(aws)).sort(), ['config', 'credentials'], 'no lock or temp file');
          // Secret inputs are masked first and never shown.
          const shown = main.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
          for (const secret of [
            TEST_SECRET_ACCESS_KEY,
            TEST_ACCESS_KEY_ID,
            row.inputs['aws-session-token'],
          ]) {
            if (secret && secret.length >= 8)
              assert.ok(!shown.some((line) => line.includes(secret)), `shown: ${secret}\n${phaseLog(main)}`);
          }
        }),
      ),
    );
  }
});
