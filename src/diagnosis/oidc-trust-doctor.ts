import { escapeLine, quoted } from '../safe-text.ts';
import {
  DEFAULT_OIDC_AUDIENCE,
  defaultSubjects,
  GITHUB_OIDC_ISSUER,
  issuerConditionPrefix,
  type SubjectForm,
  subjectForm,
} from '../trust-policy/github-subjects.ts';
import type { ConditionBlock } from '../trust-policy/string-conditions.ts';
import type { TokenClaims } from './jwt-claims.ts';

/** Claims of a GitHub Actions token that a trust policy can name in a condition, in the order shown. */
const CONDITION_CLAIMS = [
  'repository',
  'repository_owner',
  'repository_owner_id',
  'repository_id',
  'job_workflow_ref',
  'environment',
  'ref',
  'ref_type',
  'workflow_ref',
  'event_name',
  'actor',
  'actor_id',
  'runner_environment',
  'enterprise',
  'enterprise_id',
];

export interface TrustAdvice {
  readonly details: readonly string[];
  /** A Condition block that matches this token (its own sub is always among the subjects). */
  readonly condition: ConditionBlock;
  readonly conditionText: string;
}

/**
 * For a token a trust policy refused: what the token is (claims, subject form, issuer) and a Condition
 * that matches this repository and run in both default subject forms. Every value shown is escaped.
 */
export function adviseOnToken(claims: TokenClaims): TrustAdvice {
  const iss = claims.iss ?? GITHUB_OIDC_ISSUER;
  const prefix = issuerConditionPrefix(iss);
  const sub = claims.sub ?? '';
  const form = subjectForm(sub, Object.keys(claims.all));
  const details = [
    `token claims: iss=${quoted(iss)} sub=${quoted(sub)} aud=${quoted(claims.aud ?? '?')}`,
    `subject form: ${describeForm(form)}`,
  ];
  const present = CONDITION_CLAIMS.filter((name) => claims.all[name] !== undefined);
  if (present.length > 0)
    details.push(
      `claims a condition can also use (${prefix}:NAME): ${present.map((name) => `${name}=${quoted(claims.all[name] ?? '')}`).join(' ')}`,
    );
  if (iss !== GITHUB_OIDC_ISSUER)
    details.push(
      `issuer ${quoted(iss)} is not ${GITHUB_OIDC_ISSUER} (GHES or an enterprise issuer): the IAM identity provider's URL must equal it exactly, and AWS must be able to reach it`,
    );
  const subjects = subjectsFor(form, sub, claims);
  const audience = claims.aud?.split(',')[0] || DEFAULT_OIDC_AUDIENCE;
  const condition: ConditionBlock = {
    StringEquals: { [`${prefix}:aud`]: audience },
    StringLike: { [`${prefix}:sub`]: subjects.length === 1 ? (subjects[0] ?? '') : subjects },
  };
  return {
    details: details.map(escapeLine),
    condition,
    conditionText: escapeLine(JSON.stringify({ Condition: condition })),
  };
}

/** Both default forms for this repository and run, with the ids from the token's own claims. */
function subjectsFor(form: SubjectForm, sub: string, claims: TokenClaims): string[] {
  if (form.form === 'custom') return [sub];
  const ownerId = claims.all.repository_owner_id ?? (form.form === 'immutable' ? form.ownerId : undefined);
  const repositoryId =
    claims.all.repository_id ?? (form.form === 'immutable' ? form.repositoryId : undefined);
  const ids = ownerId && repositoryId ? { ownerId, repositoryId } : undefined;
  const subjects = defaultSubjects(form.repository, form.context, ids);
  return subjects.includes(sub) ? subjects : [...subjects, sub];
}

function describeForm(form: SubjectForm): string {
  switch (form.form) {
    case 'name-only':
      return 'name-only (repo:OWNER/REPO:…); repositories created or renamed since 2026-07-15 send the immutable form instead';
    case 'immutable':
      return `immutable (repo:OWNER@OWNER_ID/REPO@REPO_ID:…, owner id ${form.ownerId}, repository id ${form.repositoryId}); a condition written for repo:OWNER/REPO:… does not match it`;
    case 'custom':
      return form.claimKeys.length > 0
        ? `custom, from the repository's subject template with claim keys ${form.claimKeys.map((key) => escapeLine(key)).join(', ')}: the condition must follow the same template`
        : 'not a GitHub Actions default subject: the condition must match it as it is';
  }
}
