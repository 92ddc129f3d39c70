// The generator's policies installed on the test server, whose STS applies them to tokens of each subject form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { buildTrustPolicy, githubProviderArn } from '../../src/trust-policy/build-trust-policy.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { jsSts, stsFailure } from '../aws-test-server/clients.ts';

const ROLE = 'arn:aws:iam::222222222222:role/gha-deploy';
const IDS = { ownerId: '81234567', repositoryId: '912345678' };

const CASES: [name: string, sub: string, allowed: boolean][] = [
  ['this repository and branch, name-only', 'repo:octo-org/octo-repo:ref:refs/heads/main', true],
  [
    'this repository and branch, immutable',
    'repo:octo-org@81234567/octo-repo@912345678:ref:refs/heads/main',
    true,
  ],
  ['another repository', 'repo:octo-org/other:ref:refs/heads/main', false],
  ['another branch', 'repo:octo-org@81234567/octo-repo@912345678:ref:refs/heads/dev', false],
  ['a look-alike owner', 'repo:octo-org-evil/octo-repo:ref:refs/heads/main', false],
  [
    'an owner re-created under the same name',
    'repo:octo-org@5/octo-repo@912345678:ref:refs/heads/main',
    false,
  ],
];

describe('generated trust policies on the test server', { timeout: 20_000 }, () => {
  let server: AwsTestServer;
  before(async () => {
    server = await startAwsTestServer();
    const policy = buildTrustPolicy({
      repository: 'octo-org/octo-repo',
      ids: IDS,
      run: { kind: 'branch', name: 'main' },
      providerArn: githubProviderArn('222222222222'),
    });
    // Through JSON, as a person would paste it.
    server.configureRole(ROLE, { webIdentityTrustPolicy: JSON.parse(JSON.stringify(policy)) });
  });
  after(() => server.close());

  for (const [name, sub, allowed] of CASES) {
    test(`STS ${allowed ? 'lets in' : 'refuses'} ${name}`, async () => {
      const send = jsSts(server).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: ROLE,
          RoleSessionName: 'gha',
          WebIdentityToken: server.mintIdToken({ sub }),
        }),
      );
      if (allowed) assert.ok((await send).Credentials?.AccessKeyId);
      else assert.equal((await stsFailure(send)).code, 'AccessDenied');
    });
  }

  test('tokens carry the ids of their subject, or the defaults for a name-only one', () => {
    const claims = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    const immutable = claims(server.mintIdToken({ sub: 'repo:o@12/r@34:environment:prod' }));
    assert.equal(immutable.repository, 'o/r');
    assert.equal(immutable.repository_owner_id, '12');
    assert.equal(immutable.repository_id, '34');
    assert.equal(immutable.environment, 'prod');
    const nameOnly = claims(server.mintIdToken({ sub: 'repo:o/r:ref:refs/heads/x' }));
    assert.equal(nameOnly.repository_owner_id, IDS.ownerId);
    assert.equal(nameOnly.ref, 'refs/heads/x');
  });
});
