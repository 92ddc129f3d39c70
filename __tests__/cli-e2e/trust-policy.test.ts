// `assume-aws-role trust-policy` from the built CLI: the policy printed is JSON a role can take, and a bad
// flag is a usage error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXIT_USAGE } from '../../src/cli/exit-codes.ts';
import { conditionMatches } from '../../src/trust-policy/string-conditions.ts';
// Straight from processes.ts: this suite needs no AWS test server, so it does not load one.
import { runCli } from '../../testing/e2e/processes.ts';

const ENV = { PATH: process.env.PATH ?? '' };
const KEY = 'token.actions.githubusercontent.com';

test('prints a policy for both subject forms of a branch, which lets in only that repository and branch', async () => {
  const args = [
    'trust-policy',
    '--repo',
    'octo-org/octo-repo',
    '--branch',
    'main',
    '--account',
    '123456789012',
  ];
  const result = await runCli([...args, '--owner-id', '81234567', '--repo-id', '912345678'], ENV);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  const policy = JSON.parse(result.stdout);
  const [statement] = policy.Statement;
  assert.equal(statement.Principal.Federated, `arn:aws:iam::123456789012:oidc-provider/${KEY}`);
  assert.equal(statement.Action, 'sts:AssumeRoleWithWebIdentity');
  const allows = (sub: string) =>
    conditionMatches(statement.Condition, { [`${KEY}:sub`]: sub, [`${KEY}:aud`]: 'sts.amazonaws.com' });
  assert.equal(allows('repo:octo-org/octo-repo:ref:refs/heads/main'), true);
  assert.equal(allows('repo:octo-org@81234567/octo-repo@912345678:ref:refs/heads/main'), true);
  assert.equal(allows('repo:octo-org-evil/octo-repo:ref:refs/heads/main'), false);
});

test('without the ids, a note says only the name-only form is allowed and how to get the ids', async () => {
  const args = ['trust-policy', '--repo', 'o/r', '--environment', 'prod', '--account', '123456789012'];
  const result = await runCli(args, ENV);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^note: without --owner-id and --repo-id .*gh api repos\/OWNER\/REPO/);
  assert.ok(JSON.parse(result.stdout));
});

test('--help explains both forms; a wildcard branch is a usage error', async () => {
  const help = await runCli(['trust-policy', '--help'], ENV);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /repo:OWNER@OWNER_ID\/REPO@REPO_ID:ref:refs\/heads\/main/);
  const bad = await runCli(
    ['trust-policy', '--repo', 'o/r', '--branch', '*', '--account', '123456789012'],
    ENV,
  );
  assert.equal(bad.code, EXIT_USAGE);
  assert.match(bad.stderr, /--branch must be a plain name/);
  assert.equal(bad.stdout, '');
});
