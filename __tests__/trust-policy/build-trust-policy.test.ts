import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTrustPolicy, type TrustPolicyRequest } from '../../src/trust-policy/build-trust-policy.ts';
import { conditionMatches } from '../../src/trust-policy/string-conditions.ts';

const ISSUER_KEY = 'token.actions.githubusercontent.com';
const IDS = { ownerId: '81234567', repositoryId: '912345678' };
const REQUEST: TrustPolicyRequest = {
  repository: 'octo-org/octo-repo',
  ids: IDS,
  run: { kind: 'branch', name: 'main' },
  providerArn: `arn:aws:iam::123456789012:oidc-provider/${ISSUER_KEY}`,
};

/** Does IAM let a token with this sub and aud through the (printed, then parsed) policy? */
function allows(
  request: TrustPolicyRequest,
  sub: string,
  aud = 'sts.amazonaws.com',
  prefix = ISSUER_KEY,
): boolean {
  const printed = JSON.stringify(buildTrustPolicy(request), null, 2);
  const policy = JSON.parse(printed) as ReturnType<typeof buildTrustPolicy>;
  return policy.Statement.some(
    (statement) =>
      statement.Action === 'sts:AssumeRoleWithWebIdentity' &&
      statement.Principal.Federated.endsWith(`:oidc-provider/${prefix}`) &&
      conditionMatches(statement.Condition, { [`${prefix}:sub`]: sub, [`${prefix}:aud`]: aud }),
  );
}

const CASES: [name: string, sub: string, allowed: boolean][] = [
  ['this repository and branch, name-only form', 'repo:octo-org/octo-repo:ref:refs/heads/main', true],
  [
    'this repository and branch, immutable form',
    'repo:octo-org@81234567/octo-repo@912345678:ref:refs/heads/main',
    true,
  ],
  ['another repository of the owner', 'repo:octo-org/other-repo:ref:refs/heads/main', false],
  ['another repository, immutable', 'repo:octo-org@81234567/other-repo@912345679:ref:refs/heads/main', false],
  ['another branch', 'repo:octo-org/octo-repo:ref:refs/heads/dev', false],
  ['a branch with this one as prefix', 'repo:octo-org/octo-repo:ref:refs/heads/main-evil', false],
  ['a tag of the same name', 'repo:octo-org/octo-repo:ref:refs/tags/main', false],
  ['a pull request', 'repo:octo-org/octo-repo:pull_request', false],
  ['a look-alike owner', 'repo:octo-org-evil/octo-repo:ref:refs/heads/main', false],
  ['a look-alike owner, immutable', 'repo:octo-org-evil@666/octo-repo@912345678:ref:refs/heads/main', false],
  [
    'a re-created owner of the same name (other id)',
    'repo:octo-org@99999999/octo-repo@912345678:ref:refs/heads/main',
    false,
  ],
  [
    'a re-created repository of the same name (other id)',
    'repo:octo-org@81234567/octo-repo@1:ref:refs/heads/main',
    false,
  ],
];

for (const [name, sub, allowed] of CASES) {
  test(`the generated policy ${allowed ? 'accepts' : 'refuses'} ${name}`, () => {
    assert.equal(allows(REQUEST, sub), allowed);
  });
}

test('the generated policy refuses another audience, and accepts the one given', () => {
  const sub = 'repo:octo-org/octo-repo:ref:refs/heads/main';
  assert.equal(allows(REQUEST, sub, 'api://AzureADTokenExchange'), false);
  assert.equal(allows({ ...REQUEST, audience: 'my-audience' }, sub, 'my-audience'), true);
  assert.equal(allows({ ...REQUEST, audience: 'my-audience' }, sub), false);
});

test('without ids the policy allows the name-only form only, so an immutable subject is refused', () => {
  const request = { ...REQUEST, ids: undefined };
  assert.equal(allows(request, 'repo:octo-org/octo-repo:ref:refs/heads/main'), true);
  assert.equal(allows(request, 'repo:octo-org@81234567/octo-repo@912345678:ref:refs/heads/main'), false);
});

const RUNS: [TrustPolicyRequest['run'], string, string][] = [
  [{ kind: 'tag', name: 'v1.2.0' }, 'ref:refs/tags/v1.2.0', 'ref:refs/tags/v1.2.1'],
  [{ kind: 'environment', name: 'prod' }, 'environment:prod', 'environment:production'],
  [{ kind: 'pull-request' }, 'pull_request', 'ref:refs/heads/main'],
];

for (const [run, context, other] of RUNS) {
  test(`a ${run.kind} policy accepts ${context} in both forms and refuses ${other}`, () => {
    const request = { ...REQUEST, run };
    assert.equal(allows(request, `repo:octo-org/octo-repo:${context}`), true);
    assert.equal(allows(request, `repo:octo-org@81234567/octo-repo@912345678:${context}`), true);
    assert.equal(allows(request, `repo:octo-org/octo-repo:${other}`), false);
  });
}

test('a GHES provider ARN keys the conditions on its own issuer', () => {
  const prefix = 'ghes.example.com/_services/token';
  const request = {
    ...REQUEST,
    ids: undefined,
    providerArn: `arn:aws:iam::123456789012:oidc-provider/${prefix}`,
  };
  assert.equal(
    allows(request, 'repo:octo-org/octo-repo:ref:refs/heads/main', 'sts.amazonaws.com', prefix),
    true,
  );
  assert.equal(allows(request, 'repo:octo-org/octo-repo:ref:refs/heads/main'), false);
});
