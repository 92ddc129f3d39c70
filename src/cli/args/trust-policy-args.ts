import { parseArgs } from 'node:util';
import {
  githubProviderArn,
  type RunContext,
  type TrustPolicyRequest,
} from '../../trust-policy/build-trust-policy.ts';
import { UsageError } from './usage-error.ts';

export const TRUST_POLICY_COMMAND = 'trust-policy';

export const TRUST_POLICY_HELP = `Usage: assume-aws-role trust-policy --repo OWNER/REPO (--branch NAME | --tag NAME |
         --environment NAME | --pull-request) (--account ID | --provider-arn ARN)
         [--owner-id ID --repo-id ID] [--audience AUD]

Prints a trust policy (JSON) that lets GitHub Actions runs of exactly that repository and
branch, tag, environment or pull request assume the role, in both subject forms:
  repo:OWNER/REPO:ref:refs/heads/main                    (name-only)
  repo:OWNER@OWNER_ID/REPO@REPO_ID:ref:refs/heads/main   (immutable; needs --owner-id and --repo-id)
Repositories created or renamed since 2026-07-15 use the immutable form. Their ids:
  gh api repos/OWNER/REPO --jq '.owner.id, .id'
`;

const OPTIONS = {
  repo: { type: 'string' },
  branch: { type: 'string' },
  tag: { type: 'string' },
  environment: { type: 'string' },
  'pull-request': { type: 'boolean' },
  account: { type: 'string' },
  'provider-arn': { type: 'string' },
  audience: { type: 'string' },
  'owner-id': { type: 'string' },
  'repo-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const NUMERIC_ID = /^[1-9]\d{0,19}$/;
const ACCOUNT = /^\d{12}$/;
const PROVIDER_ARN =
  /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~/-]*)?$/;
/** A name in a subject: no wildcard (StringLike would read it as one), no control character, no colon. */
const PLAIN_NAME = /^[^\p{Cc}\p{Cf}*?:]{1,255}$/u;

export type TrustPolicyCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'print'; readonly request: TrustPolicyRequest };

/** Reads `assume-aws-role trust-policy ARGS`; a UsageError names the option and the fix. */
export function parseTrustPolicyArgs(argv: readonly string[]): TrustPolicyCommand {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`trust-policy: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (values.help) return { kind: 'help' };
  const repository = required(values.repo, 'repo', 'OWNER/REPO');
  if (!REPOSITORY.test(repository)) usage(`--repo must be OWNER/REPO (got ${JSON.stringify(repository)})`);
  return {
    kind: 'print',
    request: {
      repository,
      ids: readIds(values['owner-id'], values['repo-id']),
      run: readRun(values),
      providerArn: readProvider(values.account, values['provider-arn']),
      audience: values.audience === undefined ? undefined : plain(values.audience, 'audience'),
    },
  };
}

function readRun(values: {
  branch?: string;
  tag?: string;
  environment?: string;
  'pull-request'?: boolean;
}): RunContext {
  const given: RunContext[] = [];
  if (values.branch !== undefined) given.push({ kind: 'branch', name: plain(values.branch, 'branch') });
  if (values.tag !== undefined) given.push({ kind: 'tag', name: plain(values.tag, 'tag') });
  if (values.environment !== undefined)
    given.push({ kind: 'environment', name: plain(values.environment, 'environment') });
  if (values['pull-request']) given.push({ kind: 'pull-request' });
  const [run] = given;
  if (given.length !== 1 || !run)
    usage(
      'give exactly one of --branch, --tag, --environment or --pull-request (one policy per run context)',
    );
  return run;
}

function readIds(ownerId: string | undefined, repositoryId: string | undefined) {
  if (ownerId === undefined && repositoryId === undefined) return undefined;
  if (ownerId === undefined || repositoryId === undefined)
    usage('--owner-id and --repo-id go together (the immutable subject needs both)');
  if (!NUMERIC_ID.test(ownerId)) usage(`--owner-id must be a number (got ${JSON.stringify(ownerId)})`);
  if (!NUMERIC_ID.test(repositoryId))
    usage(`--repo-id must be a number (got ${JSON.stringify(repositoryId)})`);
  return { ownerId, repositoryId };
}

function readProvider(account: string | undefined, providerArn: string | undefined): string {
  if ((account === undefined) === (providerArn === undefined))
    usage('give exactly one of --account (GitHub.com issuer) or --provider-arn (GHES, other partitions)');
  if (providerArn !== undefined) {
    if (!PROVIDER_ARN.test(providerArn))
      usage(
        `--provider-arn must be arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST (got ${JSON.stringify(providerArn)})`,
      );
    return providerArn;
  }
  if (!account || !ACCOUNT.test(account))
    usage(`--account must be 12 digits (got ${JSON.stringify(account)})`);
  return githubProviderArn(account);
}

function required(value: string | undefined, name: string, shape: string): string {
  if (value === undefined) usage(`--${name} ${shape} is required`);
  return value;
}

function plain(value: string, name: string): string {
  if (!PLAIN_NAME.test(value))
    usage(
      `--${name} must be a plain name without *, ?, : or control characters (got ${JSON.stringify(value)})`,
    );
  return value;
}

function usage(problem: string): never {
  throw new UsageError(`trust-policy: ${problem}`);
}
