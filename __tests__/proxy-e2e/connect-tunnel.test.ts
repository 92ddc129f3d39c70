// End to end through the built action: an https:// STS endpoint is reached through a CONNECT tunnel
// opened by HTTPS_PROXY / https_proxy. Node reads both spellings (src/net/agents.ts): the second runs in the
// deep tier.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { rowsFor } from '../../testing/e2e/index.ts';
import { createJob } from '../../testing/runner-harness/index.ts';
import { type CountingProxy, startCountingProxy } from './counting-proxy.ts';
import {
  makeSelfSignedCertificate,
  removeDir,
  startTlsTerminator,
  type TlsTerminator,
  tempDir,
} from './tls-terminator.ts';

const ROLE_ARN = 'arn:aws:iam::111111111111:role/behind-a-proxy';
const STEP_TIMEOUT_MS = 20_000;

let server: AwsTestServer;
let proxy: CountingProxy;
let tls: TlsTerminator | undefined;
let dir: string;

before(async () => {
  server = await startAwsTestServer();
  proxy = await startCountingProxy();
  dir = await tempDir();
  const certificate = await makeSelfSignedCertificate(dir);
  if (certificate) tls = await startTlsTerminator(server.port, certificate);
});
after(async () => {
  await tls?.close();
  await proxy.close();
  await server.close();
  await removeDir(dir);
});

for (const variable of rowsFor(['HTTPS_PROXY', 'https_proxy'])) {
  test(`tunnels the STS call to an https endpoint through ${variable} with CONNECT`, async (t) => {
    if (!tls) {
      t.skip('openssl is missing or failed, so there is no certificate for a local https STS endpoint');
      return;
    }
    server.clearLog();
    const before = { tunnels: proxy.tunnels.length, forwarded: proxy.forwarded.length };
    const job = await createJob();
    try {
      const main = await job.runMain(
        {
          source: 'keys',
          'aws-access-key-id': server.identities.user.accessKeyId,
          'aws-secret-access-key': server.identities.user.secretAccessKey,
          'role-arn': ROLE_ARN,
          'sts-endpoint': tls.url,
        },
        { env: { [variable]: proxy.url, NODE_EXTRA_CA_CERTS: tls.caFile }, timeoutMs: STEP_TIMEOUT_MS },
      );
      assert.equal(main.exitCode, 0, `${main.stdout}\n${main.stderr}`);
      assert.ok(main.exported.AWS_ACCESS_KEY_ID, 'the step exported credentials');
    } finally {
      await job.cleanup();
    }
    assert.deepEqual(proxy.tunnels.slice(before.tunnels), [new URL(tls.url).host]);
    assert.equal(
      proxy.forwarded.length,
      before.forwarded,
      'https goes through a tunnel, never as a plain request',
    );
    assert.deepEqual(
      server.requests.map((entry) => `${entry.target} ${entry.action}`),
      ['sts AssumeRole'],
    );
  });
}
