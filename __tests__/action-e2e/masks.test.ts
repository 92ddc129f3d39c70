// Masks come first: every secret a step handles is masked before it is mentioned, and never mentioned
// anywhere else (stdout, stderr, job summary), with RUNNER_DEBUG on. Issued credentials are read from
// the masks and proved real with botocore, so a secret the action forgot to mask cannot hide.
// `npm test` runs input keys with every hop, a source's own tokens (oidc's two), and a failed chain; the
// deep tier runs every source's tokens and the env hand-over.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  assertSucceeded,
  containerEnv,
  deepTest,
  INSTANCE_SESSION,
  imdsEnv,
  jobEnv,
  oidcEnv,
  roleArn,
  runStep,
  sessionArn,
  startAwsTestServer,
  stsCalls,
  withJob,
} from '../../testing/e2e/index.ts';
import type { PhaseResult, StepResult } from '../../testing/runner-harness/index.ts';
import { type Keys, startBotocore } from './support/botocore.ts';
import { assertMasksFirst, defaultSessionName, exportedKeys, maskedKeys } from './support/credentials.ts';

const DEBUG = { RUNNER_DEBUG: '1' };
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** Started as the file loads: the tests that need it skip where it cannot start. */
const botocore = await startBotocore();
let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => Promise.all([server.close(), botocore.close()]));

const secretsOf = (keys: readonly Keys[]): string[] =>
  keys.flatMap((k) => [k.accessKeyId, k.secretAccessKey, ...(k.sessionToken ? [k.sessionToken] : [])]);

/** Masks that are neither keys nor their secrets or tokens: the tokens a source handled. */
function otherMasks(phase: PhaseResult): string[] {
  const keySecrets = new Set(secretsOf(maskedKeys(phase)));
  return phase.masks.filter((mask) => !keySecrets.has(mask));
}

/** Main and post both keep every secret to its mask. */
function assertStepKeepsSecrets(step: StepResult, secrets: readonly string[]): void {
  assertMasksFirst(step.main, secrets);
  for (const secret of secrets) {
    assert.ok(!`${step.post?.stdout}${step.post?.stderr}`.includes(secret), 'a secret appears in post');
  }
}

function assertNeverPrinted(step: StepResult, values: readonly string[]): void {
  for (const value of values) {
    for (const phase of [step.main, step.post]) {
      assert.ok(!`${phase?.stdout}${phase?.stderr}${phase?.summary}`.includes(value), `printed: ${value}`);
    }
  }
}

test('keys through a 3-hop chain: the input keys and every hop’s key id, secret and token are masked first', {
  skip: botocore.missing,
}, async () => {
  const roles = ['mask-a', 'mask-b', 'mask-c'];
  await withJob(jobEnv(server), async (job) => {
    // Temporary input keys, so the session-token input is among the secrets too.
    const inputKeys = await botocore.assumeRole(server, server.identities.user, {
      RoleArn: roleArn('mask-source'),
      RoleSessionName: 'mask-source',
    });
    const step = await runStep(
      server,
      job,
      {
        source: 'keys',
        'aws-access-key-id': inputKeys.accessKeyId,
        'aws-secret-access-key': inputKeys.secretAccessKey,
        'aws-session-token': inputKeys.sessionToken ?? '',
        'role-arn': roles.map((name) => roleArn(name)).join('\n'),
        'output-credentials': 'true',
      },
      DEBUG,
    );
    assertSucceeded(step);
    const hops = maskedKeys(step.main).filter((keys) => keys.accessKeyId !== inputKeys.accessKeyId);
    assert.equal(hops.length, 3, step.main.stdout);
    // The masked hop credentials are the ones STS issued: each signed the next hop, and botocore knows them.
    assert.deepEqual(
      stsCalls(step.requests).map((call) => call.callerAccessKeyId),
      [inputKeys.accessKeyId, hops[0]?.accessKeyId, hops[1]?.accessKeyId],
    );
    assert.deepEqual(hops[2], exportedKeys(step.main));
    const session = defaultSessionName(job);
    assert.deepEqual(
      await botocore.callerArns(server, hops),
      roles.map((role) => sessionArn(role, session)),
    );
    assertStepKeepsSecrets(step, [
      inputKeys.accessKeyId,
      inputKeys.secretAccessKey,
      inputKeys.sessionToken ?? '',
      ...secretsOf(hops),
    ]);
  });
});

test('oidc: the request token, the ID token and each hop’s credentials are masked first; the request token is never printed', {
  skip: botocore.missing,
}, async () => {
  await withJob(jobEnv(server, oidcEnv(server)), async (job) => {
    const step = await runStep(
      server,
      job,
      { source: 'oidc', 'role-arn': `${roleArn('mask-web')} -> ${roleArn('mask-web-2')}` },
      DEBUG,
    );
    assertSucceeded(step);
    // The request token is masked before the first request (an error body may echo it), then the ID token.
    const tokens = otherMasks(step.main);
    assert.deepEqual(tokens.slice(0, 1), [server.oidc.requestToken]);
    assert.equal(tokens.length, 2, `expected the request token and the ID token: ${tokens.join(', ')}`);
    const idToken = tokens[1] ?? '';
    assert.match(idToken, JWT);
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString());
    const [web] = stsCalls(step.requests);
    // The masked token is the one STS was given.
    assert.deepEqual(
      {
        iss: web?.params['WebIdentityToken.iss'],
        sub: web?.params['WebIdentityToken.sub'],
        aud: web?.params['WebIdentityToken.aud'],
      },
      { iss: claims.iss, sub: claims.sub, aud: claims.aud },
    );
    const hops = maskedKeys(step.main);
    const session = defaultSessionName(job);
    assert.deepEqual(await botocore.callerArns(server, hops), [
      sessionArn('mask-web', session),
      sessionArn('mask-web-2', session),
    ]);
    assertStepKeepsSecrets(step, [server.oidc.requestToken, idToken, ...secretsOf(hops)]);
  });
});

deepTest(
  'imds: the IMDSv2 token, the instance credentials and the hop’s are masked first',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server, imdsEnv(server)), async (job) => {
      const step = await runStep(server, job, { source: 'imds', 'role-arn': roleArn('mask-imds') }, DEBUG);
      assertSucceeded(step);
      const tokens = otherMasks(step.main);
      assert.equal(tokens.length, 1, `expected only the IMDS token among the masks: ${tokens.join(', ')}`);
      const [imdsToken = ''] = tokens;
      // The masked token is one the metadata service issued.
      const answer = await fetch(`${server.imdsEndpoint}/latest/meta-data/iam/security-credentials/`, {
        headers: { 'x-aws-ec2-metadata-token': imdsToken },
      });
      assert.equal(answer.status, 200);
      const keys = maskedKeys(step.main);
      assert.deepEqual(await botocore.callerArns(server, keys), [
        INSTANCE_SESSION,
        sessionArn('mask-imds', defaultSessionName(job)),
      ]);
      assertStepKeepsSecrets(step, [imdsToken, ...secretsOf(keys)]);
    });
  },
);

deepTest(
  'container: its credentials and the hop’s are masked first; the authorization token is never printed',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server, containerEnv(server)), async (job) => {
      const step = await runStep(
        server,
        job,
        { source: 'container', 'role-arn': roleArn('mask-container') },
        DEBUG,
      );
      assertSucceeded(step);
      assert.deepEqual(otherMasks(step.main), []);
      const keys = maskedKeys(step.main);
      const [containerArn, hopArn] = await botocore.callerArns(server, keys);
      assert.match(containerArn ?? '', /assumed-role\/test-container-role\//);
      assert.equal(hopArn, sessionArn('mask-container', defaultSessionName(job)));
      assertStepKeepsSecrets(step, secretsOf(keys));
      assertNeverPrinted(step, [server.container.authorizationToken]);
    });
  },
);

deepTest('web-identity: the token read from the file is masked first', async () => {
  await withJob(jobEnv(server), async (job) => {
    const token = server.mintIdToken();
    const tokenFile = join(job.runnerTemp, 'token');
    await writeFile(tokenFile, token);
    const step = await runStep(
      server,
      job,
      { source: 'web-identity', 'web-identity-token-file': tokenFile, 'role-arn': roleArn('mask-irsa') },
      DEBUG,
    );
    assertSucceeded(step);
    assert.deepEqual(otherMasks(step.main), [token]);
    const keys = maskedKeys(step.main);
    assert.deepEqual(await botocore.callerArns(server, keys), [
      sessionArn('mask-irsa', defaultSessionName(job)),
    ]);
    assertStepKeepsSecrets(step, [token, ...secretsOf(keys)]);
  });
});

test('a chain refused at hop 2: the first hop’s credentials stay masked, in the error and the summary too', {
  skip: botocore.missing,
}, async () => {
  server.configureRole(roleArn('mask-denied'), { denyCallers: 'all' });
  await withJob(jobEnv(server), async (job) => {
    const user = server.identities.user;
    const step = await runStep(
      server,
      job,
      {
        source: 'keys',
        'aws-access-key-id': user.accessKeyId,
        'aws-secret-access-key': user.secretAccessKey,
        'role-arn': `${roleArn('mask-allowed')} -> ${roleArn('mask-denied')}`,
      },
      DEBUG,
    );
    assertFailed(step);
    const hops = maskedKeys(step.main).filter((keys) => keys.accessKeyId !== user.accessKeyId);
    assert.equal(hops.length, 1);
    assert.deepEqual(await botocore.callerArns(server, hops), [
      sessionArn('mask-allowed', defaultSessionName(job)),
    ]);
    assertStepKeepsSecrets(step, [user.accessKeyId, user.secretAccessKey, ...secretsOf(hops)]);
  });
});

deepTest(
  'env: a second step masks its new credentials first and never prints the ones it was given',
  {
    skip: botocore.missing,
  },
  async () => {
    await withJob(jobEnv(server), async (job) => {
      const user = server.identities.user;
      const first = await runStep(server, job, {
        source: 'keys',
        'aws-access-key-id': user.accessKeyId,
        'aws-secret-access-key': user.secretAccessKey,
        'role-arn': roleArn('mask-first'),
      });
      assertSucceeded(first);
      const given = exportedKeys(first.main);
      const second = await runStep(server, job, { source: 'env', 'role-arn': roleArn('mask-second') }, DEBUG);
      assertSucceeded(second);
      const issued = maskedKeys(second.main).filter((keys) => keys.accessKeyId !== given.accessKeyId);
      assert.deepEqual(await botocore.callerArns(server, issued), [
        sessionArn('mask-second', defaultSessionName(job)),
      ]);
      assertStepKeepsSecrets(second, secretsOf(issued));
      for (const secret of secretsOf([given])) {
        const mentions = second.main.stdout.split('\n').filter((line) => line.includes(secret));
        assert.ok(
          mentions.every((line) => line === `::add-mask::${secret}`),
          `printed: ${secret}`,
        );
        assert.ok(!`${second.main.stderr}${second.main.summary}`.includes(secret));
      }
    });
  },
);
