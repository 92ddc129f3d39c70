// The GitHub OIDC token endpoint, and AssumeRoleWithWebIdentity checking its tokens as STS does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  type AssumeRoleWithWebIdentityCommandInput,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { jsSts, stsFailure } from './clients.ts';

const ROLE = 'arn:aws:iam::222222222222:role/gha-deploy';
const SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main';

describe('AssumeRoleWithWebIdentity', { timeout: 20_000 }, () => {
  let server: AwsTestServer;
  const withToken = (input: Partial<AssumeRoleWithWebIdentityCommandInput>) =>
    jsSts(server).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: ROLE,
        RoleSessionName: 'gha',
        WebIdentityToken: server.mintIdToken(),
        ...input,
      }),
    );

  before(async () => {
    server = await startAwsTestServer();
  });
  after(() => server.close());

  test('the credentials work, and as a role session they cannot chain beyond one hour', async () => {
    const out = await withToken({});
    const keys = {
      accessKeyId: out.Credentials?.AccessKeyId ?? '',
      secretAccessKey: out.Credentials?.SecretAccessKey ?? '',
      sessionToken: out.Credentials?.SessionToken,
    };
    const identity = await jsSts(server, keys).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, 'arn:aws:sts::222222222222:assumed-role/gha-deploy/gha');
    const next = new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::333333333333:role/x',
      RoleSessionName: 'next',
      DurationSeconds: 7200,
    });
    assert.match((await stsFailure(jsSts(server, keys).send(next))).message, /role chaining/);
  });

  const refused: [string, () => Partial<AssumeRoleWithWebIdentityCommandInput>, string, RegExp][] = [
    [
      'a token with a forged signature',
      () => ({ WebIdentityToken: server.mintIdToken({}, { badSignature: true }) }),
      'InvalidIdentityTokenException',
      /could not be validated by AWS/,
    ],
    [
      'a token for another audience',
      () => ({ WebIdentityToken: server.mintIdToken({ aud: 'api://other' }) }),
      'InvalidIdentityTokenException',
      /^Incorrect token audience$/,
    ],
    [
      'a token from another issuer',
      () => ({ WebIdentityToken: server.mintIdToken({ iss: 'https://evil.example' }) }),
      'InvalidIdentityTokenException',
      /No OpenIDConnect provider found in your account for https:\/\/evil\.example/,
    ],
    [
      'something that is not a JWT',
      () => ({ WebIdentityToken: 'not-a-jwt-at-all' }),
      'InvalidIdentityTokenException',
      /not a valid JWT/,
    ],
    [
      'an expired token',
      () => ({ WebIdentityToken: server.mintIdToken({ exp: Math.floor(Date.now() / 1000) - 10 }) }),
      'ExpiredTokenException',
      /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/,
    ],
    [
      'a three-character token',
      () => ({ WebIdentityToken: 'abc' }),
      'ValidationError',
      /at 'webIdentityToken' .*greater than or equal to 4/,
    ],
  ];
  for (const [name, input, code, message] of refused) {
    test(`refuses ${name}`, async () => {
      const failure = await stsFailure(withToken(input()));
      assert.equal(failure.code, code);
      assert.equal(failure.status, 400);
      assert.match(failure.message, message);
    });
  }

  test('a role with a subject condition refuses other subjects and accepts wildcard matches', async () => {
    const role = 'arn:aws:iam::222222222222:role/prod-only';
    server.configureRole(role, { webIdentitySubject: 'repo:octo-org/octo-repo:environment:*' });
    const failure = await stsFailure(withToken({ RoleArn: role }));
    assert.deepEqual(failure, {
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      status: 403,
    });
    const token = server.mintIdToken({ sub: 'repo:octo-org/octo-repo:environment:prod' });
    const out = await withToken({ RoleArn: role, WebIdentityToken: token });
    assert.equal(out.SubjectFromWebIdentityToken, 'repo:octo-org/octo-repo:environment:prod');
  });

  test('a role may expect a custom audience', async () => {
    const role = 'arn:aws:iam::222222222222:role/custom-aud';
    server.configureRole(role, { webIdentityAudience: 'my-audience' });
    assert.equal((await stsFailure(withToken({ RoleArn: role }))).message, 'Incorrect token audience');
    const out = await withToken({
      RoleArn: role,
      WebIdentityToken: server.mintIdToken({ aud: 'my-audience' }),
    });
    assert.equal(out.Audience, 'my-audience');
  });

  test('parameters AssumeRoleWithWebIdentity does not take are refused', async () => {
    const response = await fetch(server.stsEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'AssumeRoleWithWebIdentity',
        Version: '2011-06-15',
        RoleArn: ROLE,
        RoleSessionName: 'gha',
        WebIdentityToken: server.mintIdToken(),
        'Tags.member.1.Key': 'a',
        'Tags.member.1.Value': 'b',
      }).toString(),
    });
    assert.equal(response.status, 400);
    assert.match(
      await response.text(),
      /<Code>ValidationError<\/Code><Message>The parameter Tags is not supported/,
    );
  });

  test('the log keeps the token claims but never the token', () => {
    const entry = server.requests.find((r) => r.action === 'AssumeRoleWithWebIdentity' && r.status === 200);
    assert.equal(entry?.params['WebIdentityToken.sub'], SUBJECT);
    assert.equal(entry?.params['WebIdentityToken.aud'], 'sts.amazonaws.com');
    assert.equal(entry?.params.WebIdentityToken, undefined);
    assert.ok(!JSON.stringify(server.requests).includes('eyJ'), 'no JWT in the log');
  });
});

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());
}

describe('GitHub OIDC token endpoint', { timeout: 10_000 }, () => {
  let server: AwsTestServer;
  const getToken = (audience?: string, authorization = `Bearer ${server.oidc.requestToken}`) =>
    fetch(
      `${server.oidc.requestUrl}${audience === undefined ? '' : `&audience=${encodeURIComponent(audience)}`}`,
      {
        headers: { authorization },
      },
    );

  before(async () => {
    server = await startAwsTestServer({ oidcSubject: 'repo:octo-org/octo-repo:environment:prod' });
  });
  after(() => server.close());

  test('the request URL already carries the api-version, so clients append &audience=', () => {
    assert.match(server.oidc.requestUrl, /^http:\/\/127\.0\.0\.1:\d+\/.*\?api-version=2\.0$/);
  });

  test('a missing or wrong bearer token gets 401', async () => {
    assert.equal((await getToken('sts.amazonaws.com', 'Bearer wrong')).status, 401);
    assert.equal((await getToken('sts.amazonaws.com', '')).status, 401);
  });

  test('issues an RS256 GitHub-shaped token for the requested audience', async () => {
    const response = await getToken('sts.amazonaws.com');
    assert.equal(response.status, 200);
    const { value } = (await response.json()) as { value: string };
    const header = JSON.parse(Buffer.from(value.split('.')[0] ?? '', 'base64url').toString());
    assert.equal(header.alg, 'RS256');
    assert.ok(header.kid);
    const claims = claimsOf(value);
    assert.equal(claims.iss, 'https://token.actions.githubusercontent.com');
    assert.equal(claims.iss, server.oidc.issuer);
    assert.equal(claims.aud, 'sts.amazonaws.com');
    assert.equal(claims.sub, 'repo:octo-org/octo-repo:environment:prod');
    assert.equal(claims.environment, 'prod');
    assert.equal(claims.repository, 'octo-org/octo-repo');
    for (const name of ['run_id', 'job_workflow_ref', 'actor', 'ref', 'iat', 'nbf'])
      assert.ok(claims[name], name);
    assert.equal((claims.exp as number) - (claims.iat as number), 300);
  });

  test('the audience defaults to sts.amazonaws.com and follows the parameter', async () => {
    const fallback = (await (await getToken()).json()) as { value: string };
    assert.equal(claimsOf(fallback.value).aud, 'sts.amazonaws.com');
    const custom = (await (await getToken('api://custom')).json()) as { value: string };
    assert.equal(claimsOf(custom.value).aud, 'api://custom');
  });

  test('its tokens are accepted by the server’s STS', async () => {
    const { value } = (await (await getToken('sts.amazonaws.com')).json()) as { value: string };
    const out = await jsSts(server).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::222222222222:role/deploy',
        RoleSessionName: 'gha',
        WebIdentityToken: value,
      }),
    );
    assert.equal(out.SubjectFromWebIdentityToken, 'repo:octo-org/octo-repo:environment:prod');
  });

  test('token requests are logged with their audience', () => {
    const entry = server.requests.find((r) => r.target === 'oidc' && r.params.audience === 'api://custom');
    assert.equal(entry?.status, 200);
    assert.equal(
      server.requests.find((r) => r.target === 'oidc' && r.status === 401)?.errorCode,
      'Unauthorized',
    );
  });

  test('token lifetime and default subject follow the options', async () => {
    const other = await startAwsTestServer({ oidcTokenLifetimeSeconds: 60 });
    try {
      const response = await fetch(other.oidc.requestUrl, {
        headers: { authorization: `Bearer ${other.oidc.requestToken}` },
      });
      const claims = claimsOf(((await response.json()) as { value: string }).value);
      assert.equal((claims.exp as number) - (claims.iat as number), 60);
      assert.equal(claims.sub, 'repo:octo-org/octo-repo:ref:refs/heads/main');
    } finally {
      await other.close();
    }
  });
});
