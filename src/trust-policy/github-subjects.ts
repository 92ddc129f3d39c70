/**
 * The `sub` of a GitHub Actions OIDC token. Two default forms carry the same context:
 * - name-only: `repo:OWNER/REPO:ref:refs/heads/main` (before 2026-07-15, and on GHES);
 * - immutable: `repo:OWNER@OWNER_ID/REPO@REPO_ID:ref:refs/heads/main` (new repositories since 2026-07-15).
 * Anything else is a custom subject made of claim keys and values (`include_claim_keys`).
 */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
export const DEFAULT_OIDC_AUDIENCE = 'sts.amazonaws.com';

export type SubjectForm =
  | { readonly form: 'name-only'; readonly repository: string; readonly context: string }
  | {
      readonly form: 'immutable';
      readonly repository: string;
      readonly ownerId: string;
      readonly repositoryId: string;
      readonly context: string;
    }
  | { readonly form: 'custom'; readonly claimKeys: readonly string[] };

/** What follows the repository in a default subject. */
const DEFAULT_CONTEXT = /^(?:ref:refs\/[^:]+|environment:[^:]+|pull_request)$/;
const NAME_ONLY = /^repo:([^/:@]+)\/([^/:@]+):(.+)$/s;
const IMMUTABLE = /^repo:([^/:@]+)@(\d+)\/([^/:@]+)@(\d+):(.+)$/s;

/** Which form a subject is; `claimNames` are the token's own claim names, to find a custom subject's keys. */
export function subjectForm(subject: string, claimNames: readonly string[] = []): SubjectForm {
  const immutable = IMMUTABLE.exec(subject);
  if (immutable && DEFAULT_CONTEXT.test(immutable[5] ?? '')) {
    const [, owner = '', ownerId = '', repo = '', repositoryId = '', context = ''] = immutable;
    return { form: 'immutable', repository: `${owner}/${repo}`, ownerId, repositoryId, context };
  }
  const nameOnly = NAME_ONLY.exec(subject);
  if (nameOnly && DEFAULT_CONTEXT.test(nameOnly[3] ?? '')) {
    const [, owner = '', repo = '', context = ''] = nameOnly;
    return { form: 'name-only', repository: `${owner}/${repo}`, context };
  }
  const known = new Set(['repo', 'context', ...claimNames]);
  const claimKeys = subject.split(':').filter((part, index, parts) => {
    // A key is a known claim name that starts the subject or follows a value.
    return known.has(part) && (index === 0 || !known.has(parts[index - 1] ?? ''));
  });
  return { form: 'custom', claimKeys: [...new Set(claimKeys)] };
}

export interface RepositoryIds {
  readonly ownerId: string;
  readonly repositoryId: string;
}

/** Both default subjects of one repository and context; the immutable one only when the ids are known. */
export function defaultSubjects(repository: string, context: string, ids?: RepositoryIds): string[] {
  const subjects = [`repo:${repository}:${context}`];
  if (ids) {
    const [owner, repo] = repository.split('/');
    subjects.push(`repo:${owner}@${ids.ownerId}/${repo}@${ids.repositoryId}:${context}`);
  }
  return subjects;
}

/** The IAM condition key prefix of an issuer: its URL without the scheme or a trailing slash. */
export function issuerConditionPrefix(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
