// Every source, with and without a role, through the built action against the test server: the credentials
// it exports are accepted by botocore, with one STS call per hop (or one GetCallerIdentity when no role).
// `npm test` runs each source once, and each of the two ends (a hop, GetCallerIdentity) on some source; the
// deep tier runs every source both ways.
import assert from 'node:assert/strict';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer, LoggedRequest } from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  assertSucceeded,
  containerEnv,
  deepTest,
  INSTANCE_SESSION,
  imdsEnv,
  jobEnv,
  oidcEnv,
  plainLines,
  RUN_ATTEMPT,
  roleArn,
  rowsFor,
  runStep,
  type StepRun,
  sessionArn,
  startAwsTestServer,
  stsCalls,
  withJob,
} from '../../testing/e2e/index.ts';
import { createJob, type Job } from '../../testing/runner-harness/index.ts';
import { startBotocore } from './support/botocore.ts';
import { defaultSessionName, exportedKeys } from './support/credentials.ts';

const CONTAINER_SESSION = /^arn:aws:sts::111111111111:assumed-role\/test-container-role\/[\w-]+$/;

/** Started as the file loads: the tests that need it skip where it cannot start. */
const botocore = await startBotocore();
let server: AwsTestServer;
/** The job of the keys step with a role, kept for the env step after it (keysWithRoleStep). */
let keysRun: Promise<{ job: Job; step: StepRun }> | undefined;
before(async () => {
  server = await startAwsTestServer();
});
after(() =>
  Promise.all([
    server.close(),
    botocore.close(),
    keysRun?.then(
      ({ job }) => job.cleanup(),
      () => undefined,
    ),
  ]),
);

const user = () => server.identities.user;
const keyInputs = () => ({
  'aws-access-key-id': user().accessKeyId,
  'aws-secret-access-key': user().secretAccessKey,
});

/** The one STS call a step made, asserting there was exactly one. */
function onlyStsCall(requests: readonly LoggedRequest[]): LoggedRequest {
  const calls = stsCalls(requests);
  assert.equal(calls.length, 1, JSON.stringify(calls, null, 2));
  return calls[0] as LoggedRequest;
}

/** The parameters of a default hop: the run's session name, an hour, no tags, policies or external id. */
function defaultHop(job: Job, role: string): Record<string, string> {
  return { RoleArn: role, RoleSessionName: defaultSessionName(job), DurationSeconds: '3600' };
}

/** Writes a token file the way the kubelet projects it: `token` → `..data/token`, `..data` → a timestamped dir. */
async function kubeletTokenFile(dir: string, token: string): Promise<string> {
  const stamped = '..2026_11_22_19_00_00.000000001';
  await mkdir(join(dir, stamped), { recursive: true });
  await writeFile(join(dir, stamped, 'token'), token);
  await symlink(stamped, join(dir, '..data_tmp'));
  await rename(join(dir, '..data_tmp'), join(dir, '..data'));
  await symlink(join('..data', 'token'), join(dir, 'token'));
  return join(dir, 'token');
}

// Long-term keys handed over as they are: hand-over.test.ts keeps that path in `npm test`.
deepTest(
  'keys without a role: one GetCallerIdentity signed by the keys, and the keys exported as they are',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server), async (job) => {
      const step = await runStep(server, job, { source: 'keys', ...keyInputs() });
      assertSucceeded(step);
      const call = onlyStsCall(step.requests);
      assert.equal(call.action, 'GetCallerIdentity');
      assert.equal(call.callerAccessKeyId, user().accessKeyId);
      assert.deepEqual(exportedKeys(step.main), {
        accessKeyId: user().accessKeyId,
        secretAccessKey: user().secretAccessKey,
      });
      assert.equal(step.main.outputs.arn, user().arn);
      assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [user().arn]);
    });
  },
);

const KEYS_ROLE = roleArn('keys-target');
/**
 * The keys step with a role, run once in a job kept until the file ends: the env source's test runs its
 * step after it there, on the keys it exported, as a workflow's next step would.
 */
function keysWithRoleStep(): Promise<{ job: Job; step: StepRun }> {
  keysRun ??= (async () => {
    server.configureRole(KEYS_ROLE, { requireExternalId: 'ext-4321' });
    const job = await createJob({ env: jobEnv(server) });
    const step = await runStep(server, job, {
      source: 'keys',
      ...keyInputs(),
      'role-arn': KEYS_ROLE,
      duration: '45m',
      'session-tags': 'team=platform\ncost-center=42',
      'external-id': 'ext-4321',
    });
    return { job, step };
  })();
  return keysRun;
}

test('keys with a role: one AssumeRole with the session name, duration, tags and external id', {
  skip: botocore.missing,
}, async () => {
  const { job, step } = await keysWithRoleStep();
  assertSucceeded(step);
  const call = onlyStsCall(step.requests);
  assert.equal(call.action, 'AssumeRole');
  assert.equal(call.callerAccessKeyId, user().accessKeyId);
  assert.deepEqual(call.params, {
    RoleArn: KEYS_ROLE,
    RoleSessionName: defaultSessionName(job),
    DurationSeconds: '2700',
    ExternalId: 'ext-4321',
    'Tags.member.1.Key': 'team',
    'Tags.member.1.Value': 'platform',
    'Tags.member.2.Key': 'cost-center',
    'Tags.member.2.Value': '42',
  });
  assert.match(defaultSessionName(job), new RegExp(`-${job.env.GITHUB_RUN_ID}-${RUN_ATTEMPT}$`));
  const expected = sessionArn('keys-target', defaultSessionName(job));
  assert.equal(step.main.outputs.arn, expected);
  assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [expected]);
});

test('oidc with a role: one unsigned AssumeRoleWithWebIdentity, the token requested for the audience input', {
  skip: botocore.missing,
}, async () => {
  const role = roleArn('oidc-target');
  server.configureRole(role, {
    webIdentityAudience: 'my-audience',
    webIdentitySubject: 'repo:octo-org/octo-repo:*',
  });
  await withJob(jobEnv(server, oidcEnv(server)), async (job) => {
    const step = await runStep(server, job, {
      source: 'oidc',
      'role-arn': role,
      audience: 'my-audience',
      'session-name': 'deploy-session',
    });
    assertSucceeded(step);
    const tokenRequests = step.requests.filter((request) => request.target === 'oidc');
    assert.deepEqual(
      tokenRequests.map((request) => request.params),
      [{ audience: 'my-audience' }],
    );
    const call = onlyStsCall(step.requests);
    assert.equal(call.action, 'AssumeRoleWithWebIdentity');
    assert.equal(call.callerAccessKeyId, undefined, 'AssumeRoleWithWebIdentity is unsigned');
    assert.deepEqual(call.params, {
      RoleArn: role,
      RoleSessionName: 'deploy-session',
      DurationSeconds: '3600',
      'WebIdentityToken.iss': server.oidc.issuer,
      'WebIdentityToken.sub': 'repo:octo-org/octo-repo:ref:refs/heads/main',
      'WebIdentityToken.aud': 'my-audience',
    });
    const expected = sessionArn('oidc-target', 'deploy-session');
    assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [expected]);
  });
});

test('imds without a role: one GetCallerIdentity signed by the instance profile credentials', {
  skip: botocore.missing,
}, async () => {
  await withJob(jobEnv(server, imdsEnv(server)), async (job) => {
    const step = await runStep(server, job, { source: 'imds' });
    assertSucceeded(step);
    assert.deepEqual(
      step.requests.filter((request) => request.target === 'imds').map((request) => request.action),
      ['token', 'credentials', 'credentials'],
    );
    const call = onlyStsCall(step.requests);
    assert.equal(call.action, 'GetCallerIdentity');
    assert.equal(call.callerArn, INSTANCE_SESSION);
    assert.equal(step.main.outputs.arn, INSTANCE_SESSION);
    assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [INSTANCE_SESSION]);
  });
});

// An AssumeRole signed by the instance profile: chains.test.ts keeps that path in `npm test`.
deepTest(
  'imds with a role: one AssumeRole signed by the instance profile credentials',
  {
    skip: botocore.missing,
  },
  async () => {
    const role = roleArn('imds-target');
    await withJob(jobEnv(server, imdsEnv(server)), async (job) => {
      const step = await runStep(server, job, { source: 'imds', 'role-arn': role });
      assertSucceeded(step);
      const call = onlyStsCall(step.requests);
      assert.equal(call.action, 'AssumeRole');
      assert.equal(call.callerArn, INSTANCE_SESSION);
      assert.deepEqual(call.params, defaultHop(job, role));
      const expected = sessionArn('imds-target', defaultSessionName(job));
      assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [expected]);
    });
  },
);

deepTest(
  'container without a role: one GetCallerIdentity signed by the container credentials',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server, containerEnv(server)), async (job) => {
      const step = await runStep(server, job, { source: 'container' });
      assertSucceeded(step);
      assert.equal(step.requests.filter((request) => request.target === 'container').length, 1);
      const call = onlyStsCall(step.requests);
      assert.equal(call.action, 'GetCallerIdentity');
      assert.match(call.callerArn ?? '', CONTAINER_SESSION);
      assert.equal(step.main.outputs.arn, call.callerArn);
      assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [call.callerArn]);
    });
  },
);

test('container with a role: one AssumeRole signed by the container credentials', {
  skip: botocore.missing,
}, async () => {
  const role = roleArn('container-target');
  await withJob(jobEnv(server, containerEnv(server)), async (job) => {
    const step = await runStep(server, job, { source: 'container', 'role-arn': role });
    assertSucceeded(step);
    const call = onlyStsCall(step.requests);
    assert.equal(call.action, 'AssumeRole');
    assert.match(call.callerArn ?? '', CONTAINER_SESSION);
    assert.deepEqual(call.params, defaultHop(job, role));
    const expected = sessionArn('container-target', defaultSessionName(job));
    assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [expected]);
  });
});

test('web-identity with a role: the token file given as input, one unsigned AssumeRoleWithWebIdentity', {
  skip: botocore.missing,
}, async () => {
  const role = roleArn('irsa-target');
  const subject = 'system:serviceaccount:apps:deployer';
  server.configureRole(role, { webIdentitySubject: subject });
  await withJob(jobEnv(server), async (job) => {
    const tokenFile = join(job.runnerTemp, 'token');
    await writeFile(tokenFile, `${server.mintIdToken({ sub: subject })}\n`);
    const step = await runStep(server, job, {
      source: 'web-identity',
      'web-identity-token-file': tokenFile,
      'role-arn': role,
    });
    assertSucceeded(step);
    const call = onlyStsCall(step.requests);
    assert.equal(call.action, 'AssumeRoleWithWebIdentity');
    assert.equal(call.callerAccessKeyId, undefined);
    assert.deepEqual(call.params, {
      ...defaultHop(job, role),
      'WebIdentityToken.iss': server.oidc.issuer,
      'WebIdentityToken.sub': subject,
      'WebIdentityToken.aud': 'sts.amazonaws.com',
    });
    const expected = sessionArn('irsa-target', defaultSessionName(job));
    assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [expected]);
  });
});

// Following symlinks is read-regular-file's rule, the variable a settings rule: the input case above runs the path.
deepTest(
  "web-identity through the kubelet's ..data symlink chain, from AWS_WEB_IDENTITY_TOKEN_FILE",
  {
    skip: skipOn.symlinks() || botocore.missing,
  },
  async () => {
    const role = roleArn('irsa-symlinked');
    const subject = 'system:serviceaccount:apps:symlinked';
    server.configureRole(role, { webIdentitySubject: subject });
    await withJob(jobEnv(server), async (job) => {
      const dir = join(job.runnerTemp, 'eks.amazonaws.com', 'serviceaccount');
      const tokenFile = await kubeletTokenFile(dir, server.mintIdToken({ sub: subject }));
      const step = await runStep(
        server,
        job,
        { source: 'web-identity', 'role-arn': role },
        { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile },
      );
      assertSucceeded(step);
      const call = onlyStsCall(step.requests);
      assert.equal(call.action, 'AssumeRoleWithWebIdentity');
      assert.equal(call.params['WebIdentityToken.sub'], subject);
      const expected = sessionArn('irsa-symlinked', defaultSessionName(job));
      assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [expected]);
    });
  },
);

// __tests__/reliability-e2e/bad-inputs.test.ts runs oidc's in `npm test`, with the other bad inputs' paths.
for (const source of ['oidc', 'web-identity'] as const) {
  deepTest(
    `${source} without a role is an input error, before any network call`,
    {
      skip: botocore.missing,
    },
    async () => {
      await withJob(jobEnv(server, oidcEnv(server)), async (job) => {
        const tokenFile = join(job.runnerTemp, 'token');
        await writeFile(tokenFile, server.mintIdToken());
        const step = await runStep(server, job, {
          source,
          ...(source === 'web-identity' ? { 'web-identity-token-file': tokenFile } : {}),
        });
        const error = assertFailed(step);
        assert.match(error, /^Input 'role-arn': is not given, but source '[\w-]+' needs a role/);
        assert.deepEqual(step.requests, []);
      });
    },
  );
}

test('env: a second step assumes a role with the credentials the first step exported', {
  skip: botocore.missing,
}, async () => {
  const { job, step: first } = await keysWithRoleStep();
  assertSucceeded(first);
  const firstKeys = exportedKeys(first.main);
  const role = roleArn('second-step');
  const second = await runStep(server, job, { source: 'env', 'role-arn': role });
  assertSucceeded(second);
  const call = onlyStsCall(second.requests);
  assert.equal(call.action, 'AssumeRole');
  assert.equal(call.callerAccessKeyId, firstKeys.accessKeyId);
  assert.equal(call.callerArn, sessionArn('keys-target', defaultSessionName(job)));
  assert.deepEqual(call.params, defaultHop(job, role));
  const [firstArn, secondArn] = await botocore.callerArns(server, [firstKeys, exportedKeys(second.main)]);
  assert.equal(firstArn, sessionArn('keys-target', defaultSessionName(job)));
  assert.equal(secondArn, sessionArn('second-step', defaultSessionName(job)));
});

deepTest(
  'env without a role: one GetCallerIdentity signed by the session the first step exported',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server), async (job) => {
      const first = await runStep(server, job, {
        source: 'keys',
        ...keyInputs(),
        'role-arn': roleArn('first-step'),
      });
      assertSucceeded(first);
      const firstKeys = exportedKeys(first.main);
      const second = await runStep(server, job, { source: 'env' });
      assertSucceeded(second);
      const call = onlyStsCall(second.requests);
      assert.equal(call.action, 'GetCallerIdentity');
      assert.equal(call.callerAccessKeyId, firstKeys.accessKeyId);
      assert.deepEqual(exportedKeys(second.main), firstKeys);
      const expected = sessionArn('first-step', defaultSessionName(job));
      assert.equal(second.main.outputs.arn, expected);
      assert.deepEqual(await botocore.callerArns(server, [exportedKeys(second.main)]), [expected]);
    });
  },
);

interface AutoCase {
  source: string;
  reason: string;
  /** Job env that makes this source (and none before it) available. */
  env: (server: AwsTestServer, job: Job) => Promise<Record<string, string>>;
  /** The first STS call: its action, and whether (and by whom) it is signed. */
  action: string;
  caller?: () => string | RegExp;
}

// The order and the reasons are rules, one row each in __tests__/sources/choose-source.test.ts, and every
// source runs end to end above. Here auto runs end to end: chosen from the environment alone (oidc), with
// every later source available too; the deep tier also runs it chosen after a network probe (imds), whose
// probe runs in `npm test` in failures.test.ts (auto with no source).
const AUTO_CASES: AutoCase[] = [
  {
    source: 'oidc',
    reason: 'an ID token can be requested and a role is given',
    env: async (s) => ({ ...oidcEnv(s), ...containerEnv(s), ...imdsEnv(s) }),
    action: 'AssumeRoleWithWebIdentity',
  },
  {
    source: 'imds',
    reason: 'the EC2 instance metadata service answered',
    env: async (s) => imdsEnv(s),
    action: 'AssumeRole',
    caller: () => INSTANCE_SESSION,
  },
];

for (const autoCase of rowsFor(AUTO_CASES)) {
  test(`auto chooses ${autoCase.source} when it is the first available, and logs why`, {
    skip: botocore.missing,
  }, async () => {
    const role = roleArn(`auto-${autoCase.source}`);
    await withJob(jobEnv(server), async (job) => {
      const env = await autoCase.env(server, job);
      const step = await runStep(server, job, { 'role-arn': role }, env);
      assertSucceeded(step);
      const chosen = plainLines(step.main).filter((line) => line.startsWith('source: '));
      assert.equal(chosen.length, 1, step.main.stdout);
      assert.ok(
        chosen[0]?.startsWith(`source: ${autoCase.source} (${autoCase.reason}`),
        `logged: ${chosen[0]}`,
      );
      const call = onlyStsCall(step.requests);
      assert.equal(call.action, autoCase.action);
      const caller = autoCase.caller?.();
      if (caller === undefined) assert.equal(call.callerAccessKeyId, undefined);
      else if (typeof caller === 'string') assert.equal(call.callerArn, caller);
      else assert.match(call.callerArn ?? '', caller);
      const expected = sessionArn(`auto-${autoCase.source}`, defaultSessionName(job));
      assert.deepEqual(await botocore.callerArns(server, [exportedKeys(step.main)]), [expected]);
    });
  });
}
