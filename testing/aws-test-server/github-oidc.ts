// The GitHub Actions ID token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) and the tokens it issues.
import { randomUUID } from 'node:crypto';
import { subjectForm } from '../../src/trust-policy/github-subjects.ts';
import type { ServerContext } from './context.ts';
import { signJwt } from './jwt.ts';
import { type Call, jsonReply, type Reply } from './reply.ts';
import { DEFAULT_WEB_IDENTITY_AUDIENCE } from './roles.ts';
import { GITHUB_ISSUER } from './sts-web-identity.ts';
import type { IdTokenClaims } from './types.ts';

export const OIDC_TOKEN_PATH = '/oidc/token';
export const DEFAULT_OIDC_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main';
export const DEFAULT_OIDC_LIFETIME_SECONDS = 300;
const NOT_BEFORE_SLACK_SECONDS = 5; // GitHub backdates nbf slightly

/** The ids a name-only subject's repository gets; an immutable subject carries its own. */
export const DEFAULT_OWNER_ID = '81234567';
export const DEFAULT_REPOSITORY_ID = '912345678';

/**
 * Claims shaped like a GitHub Actions token. Repository, its ids, ref and environment follow the subject,
 * in either default form (`repo:OWNER/REPO:…` or `repo:OWNER@ID/REPO@ID:…`).
 */
export function githubClaims(
  subject: string,
  audience: string,
  lifetimeSeconds: number,
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const form = subjectForm(subject);
  const repository = form.form === 'custom' ? 'octo-org/octo-repo' : form.repository;
  const context = form.form === 'custom' ? '' : form.context;
  const ref = /^ref:(.+)$/.exec(context)?.[1] ?? 'refs/heads/main';
  const environment = /^environment:(.+)$/.exec(context)?.[1];
  const owner = repository.split('/')[0] ?? 'octo-org';
  return {
    jti: randomUUID(),
    sub: subject,
    aud: audience,
    ref,
    sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    repository,
    repository_owner: owner,
    repository_owner_id: form.form === 'immutable' ? form.ownerId : DEFAULT_OWNER_ID,
    repository_id: form.form === 'immutable' ? form.repositoryId : DEFAULT_REPOSITORY_ID,
    repository_visibility: 'private',
    run_id: '1658821493',
    run_number: '12',
    run_attempt: '1',
    actor: 'octocat',
    workflow: 'deploy',
    event_name: context === 'pull_request' ? 'pull_request' : 'push',
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    job_workflow_ref: `${repository}/.github/workflows/deploy.yml@${ref}`,
    runner_environment: 'github-hosted',
    ...(environment ? { environment } : {}),
    iss: GITHUB_ISSUER,
    nbf: now - NOT_BEFORE_SLACK_SECONDS,
    iat: now,
    exp: now + lifetimeSeconds,
  };
}

export function mintIdToken(
  ctx: ServerContext,
  claims: Partial<IdTokenClaims> = {},
  options: { badSignature?: boolean } = {},
): string {
  const base = githubClaims(
    claims.sub ?? ctx.oidcSubject,
    DEFAULT_WEB_IDENTITY_AUDIENCE,
    ctx.oidcTokenLifetimeSeconds,
  );
  return signJwt(ctx.jwtKey, { ...base, ...claims }, options.badSignature);
}

export function handleOidc(call: Call, ctx: ServerContext): Reply {
  if (call.method !== 'GET') return jsonReply(405, { message: 'Method not allowed' }, 'MethodNotAllowed');
  if (call.headers.authorization !== `Bearer ${ctx.description.oidc.requestToken}`) {
    return jsonReply(401, { message: 'Bad credentials' }, 'Unauthorized');
  }
  const audience = call.query.get('audience') ?? DEFAULT_WEB_IDENTITY_AUDIENCE;
  const claims = githubClaims(ctx.oidcSubject, audience, ctx.oidcTokenLifetimeSeconds);
  return jsonReply(200, { value: signJwt(ctx.jwtKey, claims) });
}
