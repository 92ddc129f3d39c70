import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTokenClaims } from '../../src/diagnosis/jwt-claims.ts';
import { adviseOnToken } from '../../src/diagnosis/oidc-trust-doctor.ts';
import { conditionMatches } from '../../src/trust-policy/string-conditions.ts';

const GITHUB = 'https://token.actions.githubusercontent.com';
const KEY = 'token.actions.githubusercontent.com';
const NAME_ONLY = 'repo:octo-org/octo-repo:ref:refs/heads/main';
const IMMUTABLE = 'repo:octo-org@81234567/octo-repo@912345678:ref:refs/heads/main';

/** A token as the action reads it: claims in an unsigned JWT. */
function claimsOf(claims: Record<string, unknown>) {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const read = readTokenClaims(`${part({ alg: 'RS256' })}.${part(claims)}.sig`);
  assert.ok(read);
  return read;
}

const github = (sub: string, extra: Record<string, unknown> = {}) =>
  claimsOf({
    iss: GITHUB,
    aud: 'sts.amazonaws.com',
    sub,
    repository: 'octo-org/octo-repo',
    repository_owner_id: '81234567',
    repository_id: '912345678',
    job_workflow_ref: 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main',
    ref: 'refs/heads/main',
    exp: 1,
    ...extra,
  });

const allows = (advice: ReturnType<typeof adviseOnToken>, sub: string, prefix = KEY) =>
  conditionMatches(advice.condition, { [`${prefix}:sub`]: sub, [`${prefix}:aud`]: 'sts.amazonaws.com' });

for (const [form, sub] of [
  ['name-only', NAME_ONLY],
  ['immutable', IMMUTABLE],
] as const) {
  test(`a ${form} subject: named, and the condition matches both forms of this repository and ref only`, () => {
    const advice = adviseOnToken(github(sub));
    assert.match(advice.details[1] ?? '', new RegExp(`^subject form: ${form} `));
    if (form === 'immutable')
      assert.match(advice.details[1] ?? '', /owner id 81234567, repository id 912345678/);
    assert.equal(allows(advice, NAME_ONLY), true);
    assert.equal(allows(advice, IMMUTABLE), true);
    assert.equal(allows(advice, 'repo:octo-org/octo-repo:ref:refs/heads/dev'), false);
    assert.equal(allows(advice, 'repo:octo-org-evil/octo-repo:ref:refs/heads/main'), false);
    assert.equal(allows(advice, 'repo:octo-org@1/octo-repo@912345678:ref:refs/heads/main'), false);
    assert.deepEqual(JSON.parse(advice.conditionText), { Condition: advice.condition });
    assert.deepEqual(advice.condition.StringLike, { [`${KEY}:sub`]: [NAME_ONLY, IMMUTABLE] });
    assert.deepEqual(advice.condition.StringEquals, { [`${KEY}:aud`]: 'sts.amazonaws.com' });
  });
}

test('prints iss, sub and aud, and the claims a condition can use that the token carries', () => {
  const advice = adviseOnToken(github(NAME_ONLY, { environment: 'prod' }));
  assert.equal(advice.details[0], `token claims: iss="${GITHUB}" sub="${NAME_ONLY}" aud="sts.amazonaws.com"`);
  const claimsLine = advice.details[2] ?? '';
  for (const claim of [
    'repository="octo-org/octo-repo"',
    'repository_owner_id="81234567"',
    'repository_id="912345678"',
    'job_workflow_ref=',
    'environment="prod"',
  ])
    assert.ok(claimsLine.includes(claim), claimsLine);
  assert.doesNotMatch(claimsLine, /exp=|iss=/);
  assert.equal(
    advice.details.some((line) => line.includes('identity provider')),
    false,
  );
});

test('a custom subject: named with its claim keys, and matched as it is', () => {
  const sub =
    'repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main';
  const advice = adviseOnToken(github(sub, { environment: 'prod' }));
  assert.match(
    advice.details[1] ?? '',
    /^subject form: custom, .*claim keys repo, environment, job_workflow_ref/,
  );
  assert.equal(allows(advice, sub), true);
  assert.equal(allows(advice, NAME_ONLY), false);
});

test('an issuer other than GitHub.com: the IAM provider URL must equal it, and conditions use its keys', () => {
  const iss = 'https://ghes.example.com/_services/token';
  const advice = adviseOnToken(github(NAME_ONLY, { iss }));
  assert.ok(
    advice.details.some((line) =>
      line.includes(
        `issuer "${iss}" is not ${GITHUB} (GHES or an enterprise issuer): the IAM identity provider's URL must equal it exactly`,
      ),
    ),
    advice.details.join('\n'),
  );
  assert.equal(allows(advice, NAME_ONLY, 'ghes.example.com/_services/token'), true);
});

test('token text with line breaks or workflow commands stays on its line and starts no command', () => {
  const sub = 'repo:octo-org/octo-repo:ref:refs/heads/x\n::error::forged\u2028';
  const advice = adviseOnToken(github(sub, { environment: 'a::b\r\n', iss: 'https://x\n::warning::y' }));
  for (const text of [...advice.details, advice.conditionText]) {
    assert.doesNotMatch(text, /[\r\n\u2028]/);
    assert.doesNotMatch(text, /::/);
  }
  assert.equal(allows(advice, sub, 'x\n::warning::y'), true);
});
