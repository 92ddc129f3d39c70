// The roles-anywhere source against the local test server's CreateSession: RSA and EC keys, an intermediate,
// retries of what can succeed, refusals before any request, and the diagnosis of a denied session.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { InputError, SourceError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { directAgents } from '../../src/net/agents.ts';
import {
  fromRolesAnywhere,
  type RolesAnywhereOptions,
} from '../../src/sources/roles-anywhere/from-roles-anywhere.ts';
import type { SourceContext } from '../../src/sources/source.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  issueTestCertificate,
  newTestPki,
  type TestCertificate,
} from '../../testing/aws-test-server/test-pki.ts';

const ROLE = 'arn:aws:iam::111111111111:role/on-prem-deploy';
let server: AwsTestServer;
let pki: ReturnType<typeof newTestPki>;
let anchor: { trustAnchorArn: string; profileArn: string };
let rsaLeaf: TestCertificate;
let ecLeaf: TestCertificate;

before(async () => {
  server = await startAwsTestServer();
  pki = newTestPki();
  anchor = server.addTrustAnchor(pki.root.certificatePem, { profile: { durationSeconds: 7200 } });
  rsaLeaf = issueTestCertificate({ subject: '/CN=runner-rsa', keyType: 'rsa' }, pki.root);
  ecLeaf = issueTestCertificate({ subject: '/CN=runner-ec', keyType: 'p384' }, pki.intermediate);
});
after(() => server.close());
beforeEach(() => {
  server.clearLog();
  server.faults.clear();
});

interface Recorded extends Logger {
  readonly masked: string[];
  readonly debugLines: string[];
}

function recorder(): Recorded {
  const masked: string[] = [];
  const debugLines: string[] = [];
  return {
    masked,
    debugLines,
    info: () => {},
    warning: () => {},
    debug: (line) => debugLines.push(line),
    mask: (secret) => masked.push(secret),
  };
}

function context(logger: Logger, env: NodeJS.ProcessEnv = {}): SourceContext {
  return {
    env: { AWS_ENDPOINT_URL_ROLESANYWHERE: server.url, ...env },
    logger,
    proxyAgents: directAgents(),
    directAgents: directAgents(),
    retry: {
      maxAttempts: 4,
      baseDelayMs: 1,
      throttleBaseDelayMs: 2,
      maxDelayMs: 5,
      requestTimeoutMs: 5000,
      totalTimeoutMs: 20000,
    },
  };
}

function options(leaf: TestCertificate, extra: Partial<RolesAnywhereOptions> = {}): RolesAnywhereOptions {
  return {
    certificate: { text: leaf.certificatePem },
    privateKey: { text: leaf.keyPem },
    trustAnchorArn: anchor.trustAnchorArn,
    profileArn: anchor.profileArn,
    roleArn: ROLE,
    durationSeconds: 3600,
    ...extra,
  };
}

const createSessions = () => server.requests.filter((entry) => entry.target === 'rolesanywhere');

describe('fromRolesAnywhere against the test server', () => {
  it('exchanges an RSA certificate for a role session that STS accepts', async () => {
    const logger = recorder();
    const start = await fromRolesAnywhere(context(logger), options(rsaLeaf))();
    assert.equal(start.kind, 'credentials');
    if (start.kind !== 'credentials') return;
    const { identity } = start;
    assert.match(identity.arn ?? '', /^arn:aws:sts::111111111111:assumed-role\/on-prem-deploy\/[0-9a-f]+$/);
    assert.equal(identity.isRoleSession, true);
    assert.deepEqual(
      createSessions().map(({ params, status }) => ({ params, status })),
      [
        {
          params: {
            trustAnchorArn: anchor.trustAnchorArn,
            profileArn: anchor.profileArn,
            roleArn: ROLE,
            durationSeconds: '3600',
          },
          status: 201,
        },
      ],
    );
    for (const secret of [identity.credentials.secretAccessKey, identity.credentials.sessionToken])
      assert.ok(logger.masked.includes(secret ?? ''), 'a session secret was not masked');
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: server.stsEndpoint,
      credentials: identity.credentials,
    });
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(caller.Arn, identity.arn);
  });

  it('signs with an EC P-384 key and sends the intermediate', async () => {
    const chainPem = `${ecLeaf.certificatePem}${pki.intermediate.certificatePem}`;
    const start = await fromRolesAnywhere(
      context(recorder()),
      options(ecLeaf, { certificate: { text: chainPem } }),
    )();
    assert.equal(start.kind, 'credentials');
    assert.equal(createSessions().length, 1);
  });

  it('masks every line of the key before anything else, and the passphrase', () => {
    const logger = recorder();
    fromRolesAnywhere(context(logger), options(rsaLeaf, { passphrase: 'secret passphrase' }));
    const bodyLines = rsaLeaf.keyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
    assert.deepEqual(logger.masked, [...bodyLines, 'secret passphrase']);
  });

  it('sends roleSessionName only when given, and explains a profile that does not accept it', async () => {
    await assert.rejects(
      fromRolesAnywhere(context(recorder()), options(rsaLeaf, { roleSessionName: 'deploy-42' }))(),
      (error: unknown) =>
        error instanceof SourceError &&
        /ValidationException/.test(error.message) &&
        /acceptRoleSessionName/.test(error.message),
    );
    assert.equal(createSessions()[0]?.params.roleSessionName, 'deploy-42');
  });

  it('rides out throttling and a server error, signing each attempt anew', async () => {
    server.faults.inject({ target: 'rolesanywhere', kind: 'throttle', count: 1 });
    server.faults.inject({ target: 'rolesanywhere', kind: 'server-error', count: 1 });
    await fromRolesAnywhere(context(recorder()), options(rsaLeaf))();
    assert.deepEqual(
      createSessions().map((entry) => entry.status),
      [429, 500, 201],
    );
  });

  it('diagnoses a certificate from another CA: names the anchor, profile, role, trust policy and certificate', async () => {
    const stranger = issueTestCertificate({ subject: '/CN=stranger/O=Elsewhere' }, newTestPki().root);
    await assert.rejects(fromRolesAnywhere(context(recorder()), options(stranger))(), (error: unknown) => {
      assert.ok(error instanceof SourceError, String(error));
      const text = error.message;
      for (const expected of [
        'AccessDeniedException',
        `trust anchor: ${anchor.trustAnchorArn}`,
        `profile: ${anchor.profileArn}`,
        `role: ${ROLE}`,
        'rolesanywhere.amazonaws.com',
        'sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity',
        'certificate subject: CN=stranger, O=Elsewhere',
        'certificate issuer: CN=Test Root CA',
        'certificate serial: ',
        'certificate valid: ',
      ])
        assert.ok(text.includes(expected), `missing ${expected} in\n${text}`);
      return true;
    });
    assert.deepEqual(
      createSessions().map((entry) => entry.status),
      [403],
    );
  });

  it('diagnoses a role whose trust policy does not allow Roles Anywhere', async () => {
    const role = 'arn:aws:iam::111111111111:role/untrusting';
    server.configureRole(role, { denyRolesAnywhere: true });
    await assert.rejects(
      fromRolesAnywhere(context(recorder()), options(rsaLeaf, { roleArn: role }))(),
      (error: unknown) => error instanceof SourceError && error.message.includes(`role: ${role}`),
    );
  });

  it('refuses the wrong key before any request', async () => {
    await assert.rejects(
      fromRolesAnywhere(context(recorder()), options(rsaLeaf, { privateKey: { text: ecLeaf.keyPem } }))(),
      (error: unknown) => error instanceof InputError && error.input === 'private-key',
    );
    assert.deepEqual(server.requests, []);
  });

  it('masks a key given without its PEM lines (taken for a path) and never quotes it', async () => {
    const body = rsaLeaf.keyPem
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'))
      .join('');
    const logger = recorder();
    await assert.rejects(
      fromRolesAnywhere(context(logger), options(rsaLeaf, { privateKey: { path: body } }))(),
      (error: unknown) =>
        error instanceof InputError &&
        error.input === 'private-key' &&
        !error.message.includes(body.slice(0, 16)) &&
        /is not shown/.test(error.message),
    );
    assert.ok(logger.masked.includes(body), 'masked before the open');
    assert.deepEqual(server.requests, []);
  });

  it('reads the certificate and key from files when given paths, masking the key as read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-files-'));
    try {
      writeFileSync(join(dir, 'cert.pem'), rsaLeaf.certificatePem);
      writeFileSync(join(dir, 'key.pem'), rsaLeaf.keyPem, { mode: 0o600 });
      const logger = recorder();
      const provider = fromRolesAnywhere(
        context(logger),
        options(rsaLeaf, {
          certificate: { path: join(dir, 'cert.pem') },
          privateKey: { path: join(dir, 'key.pem') },
        }),
      );
      assert.equal(logger.masked.length, 0, 'nothing is read before the provider runs');
      const start = await provider();
      assert.equal(start.kind, 'credentials');
      const keyLine = rsaLeaf.keyPem.split('\n')[1] ?? '';
      assert.ok(logger.masked.includes(keyLine));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an expired certificate before any request', async () => {
    const expired = issueTestCertificate({ subject: '/CN=old', days: -1 }, pki.root);
    await assert.rejects(
      fromRolesAnywhere(context(recorder()), options(expired))(),
      (error: unknown) => error instanceof InputError && /expired/.test(error.message),
    );
    assert.deepEqual(server.requests, []);
  });
});
