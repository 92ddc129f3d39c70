import {
  DEFAULT_OIDC_AUDIENCE,
  defaultSubjects,
  GITHUB_OIDC_ISSUER,
  issuerConditionPrefix,
  type RepositoryIds,
} from './github-subjects.ts';
import type { ConditionBlock } from './string-conditions.ts';

/** What a workflow run must be to assume the role: exactly one of these per policy. */
export type RunContext =
  | { readonly kind: 'branch'; readonly name: string }
  | { readonly kind: 'tag'; readonly name: string }
  | { readonly kind: 'environment'; readonly name: string }
  | { readonly kind: 'pull-request' };

export interface TrustPolicyRequest {
  readonly repository: string; // OWNER/REPO
  /** Needed for the immutable subject form; without them only the name-only form is allowed. */
  readonly ids?: RepositoryIds;
  readonly run: RunContext;
  /** The IAM OIDC provider: its ARN, or built from the account for GitHub's issuer. */
  readonly providerArn: string;
  readonly audience?: string;
}

export interface TrustPolicy {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Effect: 'Allow';
    readonly Principal: { readonly Federated: string };
    readonly Action: 'sts:AssumeRoleWithWebIdentity';
    readonly Condition: ConditionBlock;
  }[];
}

/** The `sub` context of a run: what follows `repo:OWNER/REPO:` in both default forms. */
export function subjectContext(run: RunContext): string {
  switch (run.kind) {
    case 'branch':
      return `ref:refs/heads/${run.name}`;
    case 'tag':
      return `ref:refs/tags/${run.name}`;
    case 'environment':
      return `environment:${run.name}`;
    case 'pull-request':
      return 'pull_request';
  }
}

/** The provider ARN GitHub's issuer has in an account. */
export function githubProviderArn(account: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:oidc-provider/${issuerConditionPrefix(GITHUB_OIDC_ISSUER)}`;
}

/**
 * A least-privilege trust policy: the provider's audience, and exactly the default subjects of this
 * repository and run, with no wildcard, so another repository, ref or a look-alike owner never matches.
 */
export function buildTrustPolicy(request: TrustPolicyRequest): TrustPolicy {
  const prefix = request.providerArn.replace(/^arn:[^:]+:iam::\d{12}:oidc-provider\//, '');
  const subjects = defaultSubjects(request.repository, subjectContext(request.run), request.ids);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: request.providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${prefix}:aud`]: request.audience ?? DEFAULT_OIDC_AUDIENCE },
          StringLike: { [`${prefix}:sub`]: subjects.length === 1 ? (subjects[0] ?? '') : subjects },
        },
      },
    ],
  };
}
