// The hostile-server suite: STS, IMDS, the OIDC endpoint and the container agent, each bent the ways an
// attacker would bend them, against the built action as the runner runs it. Every row: the step ends
// within its bound, prints no workflow command but the harmless ones, leaks no secret (nor 10 characters
// of one) outside its add-mask line, hands nothing over on failure, and names the cause.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AwsTestServer, Fault } from '../../testing/aws-test-server/index.ts';
import {
  containerEnv,
  imdsEnv,
  jobEnv,
  oidcEnv,
  phaseLog,
  roleArn,
  startAwsTestServer,
  withJob,
} from '../../testing/e2e/index.ts';
import type { PhaseResult } from '../../testing/runner-harness/index.ts';

/** Short knobs: each exchange 1 s, each call 3 s. The step's bound is a few calls; the kill is the hang detector. */
const BOUNDS = { ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS: '1000', ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS: '3000' };
const HANG_DETECTOR_MS = 40_000;
const ALLOWED_COMMANDS = new Set(['add-mask', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup']);
const ROLE = roleArn('deploy');
const FOREVER = 1000; // a fault count no step uses up

type Server = 'sts' | 'sts-identity' | 'imds' | 'oidc' | 'container';
interface Row {
  readonly server: Server;
  readonly hostility: string;
  readonly fault?: Partial<Fault>;
  /** What the diagnosis must say; absent when the step must succeed despite the hostility. */
  readonly cause?: RegExp;
}

const ROWS: readonly Row[] = [
  { server: 'sts', hostility: 'inject-lf', cause: /not an assumed-role ARN/ },
  { server: 'sts', hostility: 'inject-cr', cause: /not an assumed-role ARN/ },
  { server: 'sts', hostility: 'inject-encoded', cause: /not an assumed-role ARN/ },
  { server: 'sts', hostility: 'inject-error', cause: /AccessDenied: denied\\n::set-output/ },
  { server: 'sts', hostility: 'lying-account', cause: /arn:aws:sts::999999999999:.* is not a session of/ },
  { server: 'sts', hostility: 'oversize', cause: /larger than 1048576 bytes/ },
  {
    server: 'sts',
    hostility: 'trickle',
    fault: { intervalMs: 200 },
    cause: /did not finish answering|total time/,
  },
  { server: 'sts', hostility: 'truncated', cause: /hop 1 of 1 \(AssumeRole/ },
  { server: 'sts', hostility: 'invalid', cause: /hop 1 of 1 \(AssumeRole/ },
  { server: 'sts', hostility: 'echo-secret', cause: /AccessDenied: you sent/ },
  // 10 minutes: past the SDK's threshold, within what STS accepts once corrected. One refusal, then success.
  { server: 'sts', hostility: 'skewed-date', fault: { count: 1, skewMs: 10 * 60_000 } },
  { server: 'sts', hostility: 'skewed-date', cause: /runner's clock is 20 minutes behind/ },
  { server: 'sts', hostility: 'skewed-date', fault: { skewMs: -30 * 60_000 }, cause: /30 minutes ahead of/ },
  { server: 'sts', hostility: 'expired', cause: /STS returned credentials that expired 60 minutes ago/ },
  { server: 'sts-identity', hostility: 'inject-lf', cause: /not an IAM or STS ARN/ },
  { server: 'sts-identity', hostility: 'lying-account', cause: /does not match it/ },
  { server: 'imds', hostility: 'inject-lf', cause: /IMDS answered 400/ },
  { server: 'imds', hostility: 'oversize', cause: /larger than 65536 bytes/ },
  {
    server: 'imds',
    hostility: 'trickle',
    fault: { intervalMs: 200 },
    cause: /IMDS did not answer|total time/,
  },
  { server: 'imds', hostility: 'truncated', cause: /IMDS answered with \d+ characters that are not JSON/ },
  { server: 'imds', hostility: 'invalid', cause: /IMDS answered with \d+ characters that are not JSON/ },
  { server: 'imds', hostility: 'echo-secret', cause: /IMDS answered 403/ },
  { server: 'imds', hostility: 'expired', cause: /IMDS returned credentials that expired 60 minutes ago/ },
  { server: 'oidc', hostility: 'inject-lf', cause: /token endpoint answered 400: bad request\\n/ },
  { server: 'oidc', hostility: 'inject-cr', cause: /token endpoint answered 400: bad request\\r/ },
  { server: 'oidc', hostility: 'oversize', cause: /larger than 1048576 bytes/ },
  {
    server: 'oidc',
    hostility: 'trickle',
    fault: { intervalMs: 200 },
    cause: /did not finish answering|total time/,
  },
  { server: 'oidc', hostility: 'truncated', cause: /characters that are not JSON/ },
  { server: 'oidc', hostility: 'invalid', cause: /characters that are not JSON/ },
  { server: 'oidc', hostility: 'echo-secret', cause: /token endpoint answered 403: you sent: Bearer \*\*\*/ },
  { server: 'container', hostility: 'inject-cr', cause: /agent answered 400/ },
  { server: 'container', hostility: 'oversize', cause: /larger than 65536 bytes/ },
  {
    server: 'container',
    hostility: 'trickle',
    fault: { intervalMs: 200 },
    cause: /did not finish answering|total time/,
  },
  { server: 'container', hostility: 'truncated', cause: /characters that are not JSON/ },
  { server: 'container', hostility: 'invalid', cause: /characters that are not JSON/ },
  { server: 'container', hostility: 'echo-secret', cause: /agent answered 403/ },
  { server: 'container', hostility: 'expired', cause: /returned credentials that expired 60 minutes ago/ },
];

/** The source of each row, and the fault that bends its server (one server per row: rows run at once). */
function setup(
  row: Row,
  server: AwsTestServer,
): { inputs: Record<string, string>; env: Record<string, string>; fault: Fault } {
  const fault: Fault = {
    target: 'sts',
    kind: 'hostile',
    hostility: row.hostility,
    count: FOREVER,
    ...row.fault,
  };
  switch (row.server) {
    case 'sts':
    case 'sts-identity': {
      const keys = server.issueKeys();
      const inputs: Record<string, string> = {
        'aws-access-key-id': keys.accessKeyId,
        'aws-secret-access-key': keys.secretAccessKey,
      };
      if (row.server === 'sts') inputs['role-arn'] = ROLE;
      return { inputs, env: {}, fault };
    }
    case 'imds':
      return {
        inputs: { source: 'imds' },
        env: imdsEnv(server),
        fault: { ...fault, target: 'imds', action: 'credentials' },
      };
    case 'oidc':
      return {
        inputs: { source: 'oidc', 'role-arn': ROLE },
        env: oidcEnv(server),
        fault: { ...fault, target: 'oidc' },
      };
    case 'container':
      return {
        inputs: { source: 'container' },
        env: containerEnv(server),
        fault: { ...fault, target: 'container' },
      };
  }
}

/** Every line the runner would read as a workflow command, from stdout and stderr alike. */
function commandNames(phase: PhaseResult): string[] {
  return `${phase.stdout}\n${phase.stderr}`
    .split(/\r?\n|\r/)
    .map((line) => /^\s*::([^\s:]+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined)
    .map((name) => name.split(' ')[0] ?? name);
}

/** Every 10-character piece of each secret that appears anywhere but on its own add-mask line. */
function leakedFragments(phase: PhaseResult, secrets: readonly string[]): string[] {
  const lines = `${phase.stdout}\n${phase.stderr}\n${phase.summary}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'));
  const text = lines.join('\n');
  const leaks: string[] = [];
  for (const secret of secrets.filter((value) => value.length >= 10)) {
    for (let at = 0; at + 10 <= secret.length; at++) {
      const piece = secret.slice(at, at + 10);
      if (text.includes(piece)) leaks.push(piece);
    }
  }
  return leaks;
}

// IMDS answers within 1 s or counts as absent (the hop-limit rule), so its rows run one at a time, after
// the others: on a loaded machine a busy test process would otherwise look like a missing IMDS.
const groups = [
  {
    name: 'hostile STS, OIDC endpoint and container agent',
    concurrency: 3,
    rows: ROWS.filter((r) => r.server !== 'imds'),
  },
  { name: 'hostile IMDS', concurrency: 1, rows: ROWS.filter((r) => r.server === 'imds') },
];

for (const group of groups)
  describe(group.name, { concurrency: group.concurrency }, () => {
    for (const row of group.rows) {
      const name = `${row.server} ${row.hostility}${row.fault ? ` ${JSON.stringify(row.fault)}` : ''}`;
      test(`${name}: ends, injects nothing, leaks nothing${row.cause ? ', hands nothing over' : ''}`, async () => {
        const server = await startAwsTestServer();
        const { inputs, env, fault } = setup(row, server);
        const secrets = [server.oidc.requestToken, server.container.authorizationToken];
        if (inputs['aws-secret-access-key']) secrets.push(inputs['aws-secret-access-key']);
        await withJob(jobEnv(server), async (job) => {
          server.faults.inject(fault);
          const step = await job.runStep(inputs, {
            env: { ...BOUNDS, ...env, RUNNER_DEBUG: '1' },
            timeoutMs: HANG_DETECTOR_MS,
          });
          const main = step.main;
          const log = phaseLog(main);
          assert.equal(main.timedOut, false, `the step hung:\n${log}`);
          for (const phase of [main, step.post].filter((p): p is PhaseResult => p !== undefined)) {
            const names = commandNames(phase).filter((command) => !ALLOWED_COMMANDS.has(command));
            assert.deepEqual(names, [], `workflow commands the action must never send:\n${phaseLog(phase)}`);
            assert.deepEqual(
              leakedFragments(phase, [...secrets, ...phase.masks]),
              [],
              `a secret leaked:\n${log}`,
            );
          }
          if (!row.cause) {
            assert.equal(main.exitCode, 0, log);
            return;
          }
          assert.equal(main.exitCode, 1, log);
          assert.deepEqual(main.exported, {}, 'nothing is exported on failure');
          assert.deepEqual(main.outputs, {}, 'no output is set on failure');
          const errors = main.commands.filter((command) => command.name === 'error').map((c) => c.message);
          assert.equal(errors.length, 1, log);
          assert.match(errors[0] ?? '', row.cause, log);
        }).finally(() => server.close());
      });
    }
  });
