// End to end through the built action: which requests go through HTTP_PROXY / http_proxy, and which never do.
// Node reads the proxy variables (src/net/agents.ts), so `npm test` tries one spelling; each source that must
// stay direct is tried with NODE_USE_ENV_PROXY=1, the harder case; the rest runs in the deep tier.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import {
  type AwsTestServer,
  containerEnv,
  oidcEnv,
  startAwsTestServer,
} from '../../testing/aws-test-server/index.ts';
import { rowsFor } from '../../testing/e2e/index.ts';
import { createJob, type PhaseResult } from '../../testing/runner-harness/index.ts';
import { type CountingProxy, startCountingProxy } from './counting-proxy.ts';

const ROLE_ARN = 'arn:aws:iam::111111111111:role/behind-a-proxy';
const STEP_TIMEOUT_MS = 20_000;

let server: AwsTestServer;
let proxy: CountingProxy;

before(async () => {
  server = await startAwsTestServer();
  proxy = await startCountingProxy();
});
after(async () => {
  await proxy.close();
  await server.close();
});
beforeEach(() => server.clearLog());

async function runMain(inputs: Record<string, string>, env: Record<string, string>): Promise<PhaseResult> {
  const job = await createJob();
  try {
    const main = await job.runMain(
      { 'role-arn': ROLE_ARN, 'sts-endpoint': server.stsEndpoint, ...inputs },
      { env, timeoutMs: STEP_TIMEOUT_MS },
    );
    assert.equal(main.exitCode, 0, `${main.stdout}\n${main.stderr}`);
    assert.ok(main.exported.AWS_ACCESS_KEY_ID, 'the step exported credentials');
    return main;
  } finally {
    await job.cleanup();
  }
}

/** What passed through the proxy during one step: `METHOD path` of each forwarded request. */
function throughProxy(run: () => Promise<unknown>): Promise<string[]> {
  const start = proxy.forwarded.length;
  const tunnels = proxy.tunnels.length;
  return run().then(() => {
    assert.equal(proxy.tunnels.length, tunnels, 'plain-HTTP endpoints need no CONNECT tunnel');
    return proxy.forwarded.slice(start).map(({ method, url }) => `${method} ${new URL(url).pathname}`);
  });
}

const served = (target: string) => server.requests.filter((entry) => entry.target === target);

for (const variable of rowsFor(['HTTP_PROXY', 'http_proxy'])) {
  test(`sends the OIDC token request and the STS call through ${variable}`, async () => {
    const passed = await throughProxy(() =>
      runMain({ source: 'oidc' }, { ...oidcEnv(server), [variable]: proxy.url }),
    );
    assert.deepEqual(
      passed.toSorted(),
      [`GET ${new URL(server.oidc.requestUrl).pathname}`, 'POST /'].toSorted(),
    );
    assert.equal(served('oidc').length, 1);
    assert.deepEqual(
      served('sts').map((entry) => entry.action),
      ['AssumeRoleWithWebIdentity'],
    );
  });
}

test('goes straight to endpoints that NO_PROXY lists, and still succeeds', async () => {
  const passed = await throughProxy(() =>
    runMain({ source: 'oidc' }, { ...oidcEnv(server), HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }),
  );
  assert.deepEqual(passed, []);
  assert.equal(served('oidc').length, 1);
  assert.equal(served('sts').length, 1);
});

const DIRECT_SOURCES = [
  {
    source: 'imds',
    env: () => ({ AWS_EC2_METADATA_SERVICE_ENDPOINT: server.imdsEndpoint }),
    requests: 3, // token, role name, credentials
  },
  {
    source: 'container',
    env: () => containerEnv(server),
    requests: 1,
  },
] as const;

// NODE_USE_ENV_PROXY=1 makes Node's global agent proxy too; agents meant to be direct must stay direct.
for (const { source, env, requests } of DIRECT_SOURCES) {
  for (const useEnvProxy of rowsFor([false, true], (useEnvProxy) => useEnvProxy)) {
    const name = `never sends ${source} requests through the proxy${useEnvProxy ? ', even with NODE_USE_ENV_PROXY=1' : ''}`;
    test(name, async () => {
      const passed = await throughProxy(() =>
        runMain(
          { source },
          { ...env(), HTTP_PROXY: proxy.url, ...(useEnvProxy ? { NODE_USE_ENV_PROXY: '1' } : {}) },
        ),
      );
      assert.deepEqual(passed, ['POST /'], 'only the STS call goes through the proxy');
      assert.equal(served(source).length, requests);
    });
  }
}
