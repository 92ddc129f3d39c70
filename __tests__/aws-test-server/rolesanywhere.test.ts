// The test server's CreateSession refuses what IAM Roles Anywhere refuses: a stale date, a tampered body,
// a scope in another region, a chain that does not reach the CA, unknown ARNs; and answers a good request.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { readCertificateChain, readPrivateKey } from '../../src/sources/roles-anywhere/pem-inputs.ts';
import { X509RequestSigner } from '../../src/sources/roles-anywhere/x509-signer.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  issueTestCertificate,
  newTestPki,
  type TestCertificate,
} from '../../testing/aws-test-server/test-pki.ts';

const ROLE = 'arn:aws:iam::111111111111:role/ra';
let server: AwsTestServer;
let leaf: TestCertificate;
let pki: ReturnType<typeof newTestPki>;
let anchor: { trustAnchorArn: string; profileArn: string };

before(async () => {
  server = await startAwsTestServer();
  pki = newTestPki('rsa');
  leaf = issueTestCertificate({ subject: '/CN=node-7', keyType: 'rsa' }, pki.intermediate);
  anchor = server.addTrustAnchor(pki.root.certificatePem, {
    region: 'eu-central-1',
    profile: { roleArns: [ROLE], acceptRoleSessionName: true },
  });
});
after(() => server.close());

interface Variant {
  region?: string;
  at?: Date;
  chain?: string[];
  body?: Record<string, unknown>;
  tamper?: (body: string) => string;
}

async function send(variant: Variant = {}) {
  const body = JSON.stringify(
    variant.body ?? {
      durationSeconds: 900,
      profileArn: anchor.profileArn,
      roleArn: ROLE,
      trustAnchorArn: anchor.trustAnchorArn,
    },
  );
  const url = new URL('/sessions', server.url);
  const chain = readCertificateChain(
    [leaf.certificatePem, ...(variant.chain ?? [pki.intermediate.certificatePem])].join('\n'),
  );
  const signer = new X509RequestSigner(
    variant.region ?? 'eu-central-1',
    readPrivateKey(leaf.keyPem, undefined),
    chain,
  );
  const signed = await signer.signRequest(
    { method: 'POST', url, headers: { 'content-type': 'application/json' }, body },
    variant.at ?? new Date(),
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: signed.headers,
    body: variant.tamper?.(body) ?? body,
  });
  return {
    status: response.status,
    type: response.headers.get('x-amzn-errortype'),
    json: (await response.json()) as Record<string, unknown>,
  };
}

describe('test server CreateSession', () => {
  it('issues a session named after the serial, with the certificate CN as source identity', async () => {
    const { status, json } = await send({
      body: { profileArn: anchor.profileArn, roleArn: ROLE, trustAnchorArn: anchor.trustAnchorArn },
    });
    assert.equal(status, 201);
    const [set] = json.credentialSet as {
      assumedRoleUser: { arn: string };
      sourceIdentity: string;
      credentials: { expiration: string };
    }[];
    assert.match(set?.assumedRoleUser.arn ?? '', /^arn:aws:sts::111111111111:assumed-role\/ra\/[0-9a-f]+$/);
    assert.equal(set?.sourceIdentity, 'node-7');
    const lifetime = Date.parse(set?.credentials.expiration ?? '') - Date.now();
    assert.ok(lifetime > 3500_000 && lifetime <= 3600_000, `profile default of one hour, got ${lifetime} ms`);
  });

  const refusals: [string, () => Variant, number, string][] = [
    [
      'a signature older than 15 minutes',
      () => ({ at: new Date(Date.now() - 16 * 60_000) }),
      403,
      'AccessDeniedException',
    ],
    [
      'a body changed after signing',
      () => ({ tamper: (body) => body.replace('900', '901') }),
      403,
      'AccessDeniedException',
    ],
    [
      'a scope in another region than the trust anchor',
      () => ({ region: 'us-east-1' }),
      403,
      'AccessDeniedException',
    ],
    ['a chain without the intermediate', () => ({ chain: [] }), 403, 'AccessDeniedException'],
    [
      'a role the profile does not list',
      () => ({
        body: {
          profileArn: anchor.profileArn,
          roleArn: 'arn:aws:iam::111111111111:role/other',
          trustAnchorArn: anchor.trustAnchorArn,
        },
      }),
      403,
      'AccessDeniedException',
    ],
    [
      'an unknown trust anchor',
      () => ({
        body: { profileArn: anchor.profileArn, roleArn: ROLE, trustAnchorArn: `${anchor.trustAnchorArn}0` },
      }),
      404,
      'ResourceNotFoundException',
    ],
    [
      'a duration out of range',
      () => ({
        body: {
          durationSeconds: 60,
          profileArn: anchor.profileArn,
          roleArn: ROLE,
          trustAnchorArn: anchor.trustAnchorArn,
        },
      }),
      400,
      'ValidationException',
    ],
  ];
  for (const [name, variant, status, type] of refusals) {
    it(`refuses ${name}`, async () => {
      const answer = await send(variant());
      assert.equal(answer.status, status, JSON.stringify(answer.json));
      assert.equal(answer.type, type);
    });
  }

  it("accepts an independent Python client's RSA and ECDSA signatures (written from the documentation)", async () => {
    const run = async (keyType: 'rsa' | 'p256') => {
      const own = issueTestCertificate({ subject: '/CN=python', keyType }, pki.intermediate);
      const child = promisify(execFile)('/usr/bin/python3', [
        join(import.meta.dirname, 'rolesanywhere-python-client.py'),
      ]);
      child.child.stdin?.end(
        JSON.stringify({
          url: server.url,
          region: 'eu-central-1',
          certificate: own.certificatePem,
          chain: [pki.intermediate.certificatePem],
          key: own.keyPem,
          trustAnchorArn: anchor.trustAnchorArn,
          profileArn: anchor.profileArn,
          roleArn: ROLE,
        }),
      );
      return JSON.parse((await child).stdout) as { status: number; body: unknown };
    };
    for (const answer of await Promise.all([run('rsa'), run('p256')]))
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
  });
});
