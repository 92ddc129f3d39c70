import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrustPolicyArgs } from '../../src/cli/args/trust-policy-args.ts';
import { UsageError } from '../../src/cli/args/usage-error.ts';

const BASE = ['--repo', 'octo-org/octo-repo', '--account', '123456789012'];

test('reads a branch policy for GitHub.com from --account, with both ids', () => {
  const command = parseTrustPolicyArgs([...BASE, '--branch', 'main', '--owner-id', '1', '--repo-id', '2']);
  assert.deepEqual(command, {
    kind: 'print',
    request: {
      repository: 'octo-org/octo-repo',
      ids: { ownerId: '1', repositoryId: '2' },
      run: { kind: 'branch', name: 'main' },
      providerArn: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
      audience: undefined,
    },
  });
});

test('takes a provider ARN as given, for GHES and other partitions', () => {
  const arn = 'arn:aws-cn:iam::123456789012:oidc-provider/ghes.example.com/_services/token';
  const command = parseTrustPolicyArgs(['--repo', 'o/r', '--provider-arn', arn, '--pull-request']);
  assert.equal(command.kind === 'print' && command.request.providerArn, arn);
});

const BAD: [name: string, args: string[], problem: RegExp][] = [
  ['no run context', BASE, /exactly one of --branch/],
  ['two run contexts', [...BASE, '--branch', 'main', '--tag', 'v1'], /exactly one of --branch/],
  ['a wildcard branch', [...BASE, '--branch', 'release/*'], /--branch must be a plain name/],
  ['a branch with a line break', [...BASE, '--branch', 'a\nb'], /--branch must be a plain name/],
  ['no repository', ['--account', '123456789012', '--branch', 'main'], /--repo OWNER\/REPO is required/],
  [
    'a repository without owner',
    ['--repo', 'octo-repo', '--account', '123456789012', '--branch', 'x'],
    /--repo must be/,
  ],
  [
    'a repository with a wildcard',
    ['--repo', 'octo-org/*', '--account', '123456789012', '--branch', 'x'],
    /--repo must be/,
  ],
  ['an owner id alone', [...BASE, '--branch', 'main', '--owner-id', '1'], /go together/],
  [
    'an id that is no number',
    [...BASE, '--branch', 'main', '--owner-id', '1*', '--repo-id', '2'],
    /--owner-id must be a number/,
  ],
  ['neither account nor provider', ['--repo', 'o/r', '--branch', 'main'], /exactly one of --account/],
  ['a short account', ['--repo', 'o/r', '--account', '1234', '--branch', 'main'], /12 digits/],
  [
    'a provider ARN of a role',
    ['--repo', 'o/r', '--provider-arn', 'arn:aws:iam::123456789012:role/x', '--branch', 'm'],
    /--provider-arn must be/,
  ],
  ['an unknown option', [...BASE, '--branch', 'main', '--bogus'], /trust-policy: Unknown option '--bogus'/],
];

for (const [name, args, problem] of BAD) {
  test(`refuses ${name} with a usage error naming the option`, () => {
    assert.throws(
      () => parseTrustPolicyArgs(args),
      (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.match(error.message, problem);
        return true;
      },
    );
  });
}
