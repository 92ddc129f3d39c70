// `profiles` with `role-arn` as the hub: the hub is assumed once, then every spoke from the hub's session,
// all at once. Ten accounts cost 11 STS calls and about the time of one profile, not ten times it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AwsTestServer, LoggedRequest } from '../../testing/aws-test-server/index.ts';
import {
  assertClean,
  assertFailedPhase,
  roleArn,
  sessionArn,
  startAwsTestServer,
} from '../../testing/e2e/index.ts';
import type { Job, PhaseResult } from '../../testing/runner-harness/index.ts';
import { awsCliCallerArn, botoArn, botocore, clientEnv } from './support/clients.ts';
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
before(async () => {
  server = await startAwsTestServer({ latencyMs: LATENCY_MS });
});
after(() => server.close());

/** Runs one `profiles` step (main, then post) in a fresh job; returns main and the server's log of it. */
async function hubStep(
  t: Parameters<typeof oidcJob>[0],
  spokes: typeof SPOKES,
): Promise<{ main: PhaseResult; requests: LoggedRequest[] }> {
  const job = await oidcJob(t, server);
  server.clearLog();
  const main = await runMain(job, { 'role-arn': HUB, profiles: profilesInput(spokes) });
  const requests = [...server.requests];
  assertClean(main);
  assertClean(await runPost(job, main));
  return { main, requests };
}

const spokeCalls = (requests: readonly LoggedRequest[]) =>
  requests.filter((request) => request.target === 'sts' && request.action === 'AssumeRole');

/** The most requests the server was serving at one moment: each is held LATENCY_MS from its arrival. */
function peakInFlight(requests: readonly LoggedRequest[]): number {
  return Math.max(
    ...requests.map(
      (request) =>
        requests.filter((other) => other.at >= request.at && other.at < request.at + LATENCY_MS).length,
    ),
  );
}

/** From the first spoke's arrival to the last spoke's answer. */
function spokePhaseMs(requests: readonly LoggedRequest[]): number {
  const arrivals = spokeCalls(requests).map((request) => request.at);
  return Math.max(...arrivals) + LATENCY_MS - Math.min(...arrivals);
}

const assertNothingWritten = async (job: Job): Promise<void> =>
  assert.equal(await exists(join(job.home, '.aws')), false, 'no profile was written, not even the good ones');

const median = (values: number[]): number =>
  values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

test('ten profiles through one hub: 11 STS calls, every spoke from the hub session, the spokes in flight together', async (t) => {
  const job = await oidcJob(t, server);
  server.clearLog();
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

  // Sequential calls never overlap (each waits for the answer before it); here most were served at once.
  assert.ok(
    peakInFlight(spokes) >= SPOKES.length / 2,
    `only ${peakInFlight(spokes)} spokes in flight at once; arrivals ${spokes.map((call) => call.at - (hubCall?.at ?? 0))}`,
  );

  assert.deepEqual(
    profilesOutput(main).map(({ name, arn, accountId }) => ({ name, arn, accountId })),
    SPOKES.map((spoke) => ({
      name: spoke.name,
      arn: sessionArn('deploy', SESSION_NAME, spoke.account),
      accountId: spoke.account,
    })),
  );

  const env = clientEnv(job);
  const boto = await botocore(server, env, { profiles: SPOKES.map((spoke) => spoke.name) });
  assert.deepEqual(
    SPOKES.map((spoke) => botoArn(boto, spoke.name)),
    SPOKES.map((spoke) => sessionArn('deploy', SESSION_NAME, spoke.account)),
  );
  const last = SPOKES.at(-1);
  assert.ok(last);
  assert.equal(
    await awsCliCallerArn(server, last.name, env),
    sessionArn('deploy', SESSION_NAME, last.account),
  );
  assertClean(await runPost(job, main));
});

test('ten profiles take about the time of one at 50 ms per request, not ten times the spoke round trip', async (t) => {
  const one: number[] = [];
  const ten: number[] = [];
  for (let round = 0; round < 3; round++) {
    const single = await hubStep(t, SPOKES.slice(0, 1));
    assert.equal(spokeCalls(single.requests).length, 1);
    one.push(single.main.durationMs);
    const all = await hubStep(t, SPOKES);
    assert.equal(spokeCalls(all.requests).length, 10);
    ten.push(all.main.durationMs);
    // One spoke's phase is one round trip; ten sequential spokes would be ten (10×).
    assert.ok(
      spokePhaseMs(all.requests) < 3 * LATENCY_MS,
      `ten spokes took ${spokePhaseMs(all.requests)} ms of server time, one takes ${LATENCY_MS} ms`,
    );
  }
  // Sequential spokes would add at least 9 × 50 ms to the step; parallel ones add only a few ms.
  const extra = median(ten) - median(one);
  assert.ok(
    extra < 4.5 * LATENCY_MS,
    `median step time: one profile ${Math.round(median(one))} ms, ten ${Math.round(median(ten))} ms (runs: ${one.map(Math.round)} / ${ten.map(Math.round)})`,
  );
});

test('one spoke refused: the step fails and writes none of the ten', async (t) => {
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

test('one spoke outside allowed-account-ids: the step fails and writes none of the ten', async (t) => {
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
