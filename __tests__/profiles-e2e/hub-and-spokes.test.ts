// `profiles` with `role-arn` as the hub: the hub is assumed once, then every spoke from the hub's session,
// all at once. Ten accounts cost 11 STS calls and about the time of one profile, not ten times it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer, LoggedRequest } from '../../testing/aws-test-server/index.ts';
import {
  assertClean,
  assertFailedPhase,
  roleArn,
  rowsFor,
  sessionArn,
  startAwsTestServer,
} from '../../testing/e2e/index.ts';
import type { Job } from '../../testing/runner-harness/index.ts';
import { botoArn, clientEnv } from './support/clients.ts';
import { LaterStepPython } from './support/later-step-python.ts';
import {
  accountNumber,
  HUB_ACCOUNT,
  oidcJob,
  profilesOutput,
  runMain,
  runPost,
  SESSION_NAME,
} from './support/profile-steps.ts';
import { exists } from './support/shared-files.ts';

const LATENCY_MS = 50;
/** Every spoke's answer is held this long: a client that waits for one answer before the next call cannot
 * have two spokes at the server inside one hold; one that sends them all at once has all ten there. */
const HOLD_MS = 1_000;
const HUB = roleArn('ci-hub', HUB_ACCOUNT);
const HUB_SESSION = sessionArn('ci-hub', SESSION_NAME, HUB_ACCOUNT);
const SPOKES = Array.from({ length: 10 }, (_, n) => ({
  name: `acct-${n}`,
  account: accountNumber(n),
  role: roleArn('deploy', accountNumber(n)),
}));
const profilesInput = (spokes: typeof SPOKES): string =>
  spokes.map((spoke) => `${spoke.name}: ${spoke.role}`).join('\n');

let server: AwsTestServer;
/** The later steps' boto3 and AWS CLI: a Python process each, for the whole file. */
const python = new LaterStepPython();
before(async () => {
  server = await startAwsTestServer({ latencyMs: LATENCY_MS });
});
after(async () => {
  await python.close();
  await server.close();
});

const spokeCalls = (requests: readonly LoggedRequest[]) =>
  requests.filter((request) => request.target === 'sts' && request.action === 'AssumeRole');

/** How long after the first spoke arrived the last one did; under HOLD_MS, all ten were held at once. */
function arrivalSpreadMs(requests: readonly LoggedRequest[]): number {
  const arrivals = spokeCalls(requests).map((request) => request.at);
  return Math.max(...arrivals) - Math.min(...arrivals);
}

/** Later steps reading the ten profiles: `npm test` runs boto3 on all ten; the AWS CLI (botocore too, and
 * ~2 s of CPU a start) reads the last one in the deep tier. */
const READERS: ((server: AwsTestServer, job: Job) => Promise<void>)[] = [
  async (server, job) => {
    const boto = await python.botocore(server, clientEnv(job), {
      profiles: SPOKES.map((spoke) => spoke.name),
    });
    assert.deepEqual(
      SPOKES.map((spoke) => botoArn(boto, spoke.name)),
      SPOKES.map((spoke) => sessionArn('deploy', SESSION_NAME, spoke.account)),
    );
  },
  async (server, job) => {
    const last = SPOKES.at(-1);
    assert.ok(last);
    assert.equal(
      await python.awsCliCallerArn(server, last.name, clientEnv(job)),
      sessionArn('deploy', SESSION_NAME, last.account),
    );
  },
];

const assertNothingWritten = async (job: Job): Promise<void> =>
  assert.equal(await exists(join(job.home, '.aws')), false, 'no profile was written, not even the good ones');

test('ten profiles through one hub: 11 STS calls, every spoke from the hub session, all ten spokes in flight at once', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const job = await oidcJob(t, server);
  server.clearLog();
  server.faults.inject({
    target: 'sts',
    action: 'AssumeRole',
    kind: 'delay',
    delayMs: HOLD_MS,
    count: SPOKES.length,
  });
  t.after(() => server.faults.clear());
  const main = await runMain(job, { 'role-arn': HUB, profiles: profilesInput(SPOKES) });
  const requests = [...server.requests];
  assertClean(main);

  const sts = requests.filter((request) => request.target === 'sts');
  assert.equal(sts.length, 11, JSON.stringify(sts, null, 2));
  const [hubCall, ...spokes] = sts;
  assert.equal(hubCall?.action, 'AssumeRoleWithWebIdentity');
  assert.equal(hubCall?.params.RoleArn, HUB);
  assert.equal(requests.filter((request) => request.target === 'oidc').length, 1, 'one OIDC token');
  assert.deepEqual(
    spokes.map((call) => [call.action, call.callerArn, call.status]),
    SPOKES.map(() => ['AssumeRole', HUB_SESSION, 200]),
  );
  assert.deepEqual(
    spokes.map((call) => call.params.RoleArn).sort(),
    SPOKES.map((spoke) => spoke.role).sort(),
  );

  // Sequential calls never overlap (each waits for the answer before it): the last spoke arriving while the
  // first was still held means all ten were at the server at once, so the spokes cost one round trip, not ten.
  assert.ok(
    arrivalSpreadMs(spokes) < HOLD_MS,
    `the spokes did not all arrive while the first was held; arrivals ${spokes.map((call) => call.at - (hubCall?.at ?? 0))}`,
  );

  assert.deepEqual(
    profilesOutput(main).map(({ name, arn, accountId }) => ({ name, arn, accountId })),
    SPOKES.map((spoke) => ({
      name: spoke.name,
      arn: sessionArn('deploy', SESSION_NAME, spoke.account),
      accountId: spoke.account,
    })),
  );

  for (const read of rowsFor(READERS)) await read(server, job);
  assertClean(await runPost(job, main));
});

test('one spoke refused: the step fails and writes none of the ten', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const locked = roleArn('locked', accountNumber(7));
  server.configureRole(locked, { denyCallers: 'all' });
  const job = await oidcJob(t, server);
  const spokes = SPOKES.map((spoke, n) => (n === 7 ? { ...spoke, role: locked } : spoke));
  const main = await runMain(job, { 'role-arn': HUB, profiles: profilesInput(spokes) });
  assert.match(assertFailedPhase(main), /AccessDenied|not authorized/);
  assert.deepEqual(main.outputs, {});
  await assertNothingWritten(job);
  assertClean(await runPost(job, main));
});

test('one spoke outside allowed-account-ids: the step fails and writes none of the ten', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const job = await oidcJob(t, server);
  const allowed = SPOKES.slice(1).map((spoke) => spoke.account);
  const main = await runMain(job, {
    'role-arn': HUB,
    profiles: profilesInput(SPOKES),
    'allowed-account-ids': [HUB_ACCOUNT, ...allowed].join(','),
  });
  assert.match(
    assertFailedPhase(main),
    new RegExp(`account ${SPOKES[0]?.account}, which is not in the list`),
  );
  await assertNothingWritten(job);
  assertClean(await runPost(job, main));
});
