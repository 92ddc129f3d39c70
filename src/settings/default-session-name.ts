import { GitHubEnv } from '../constants.ts';
import { SESSION_NAME } from './rules.ts';

/** Used when neither the run nor the user and host give a usable name. */
const FALLBACK_SESSION_NAME = 'assume-aws-role';

/**
 * A RoleSessionName that says who asked, for CloudTrail; always 2 to 64 of STS's characters.
 * In GitHub Actions: `gha-<repository name>-<run id>-<attempt>`, cut from the repository name so the
 * run id and attempt survive. Elsewhere: `user@host`.
 */
export function defaultSessionName(env: NodeJS.ProcessEnv, user: string, host: string): string {
  const runId = env[GitHubEnv.runId]?.trim();
  if (env[GitHubEnv.actions] === 'true' || runId) return githubName(env, runId);
  const who = [user.trim(), host.trim()].filter((part) => part !== '').join('@');
  const name = sanitise(who).slice(0, SESSION_NAME.max);
  return name.length >= SESSION_NAME.min ? name : FALLBACK_SESSION_NAME;
}

function githubName(env: NodeJS.ProcessEnv, runId: string | undefined): string {
  const repository = env[GitHubEnv.repository]?.trim().split('/').pop() ?? '';
  const attempt = env[GitHubEnv.runAttempt]?.trim() || '1';
  const suffix = sanitise(runId ? `-${runId}-${attempt}` : '').slice(-(SESSION_NAME.max - 4));
  const prefix = sanitise(['gha', repository].filter((part) => part !== '').join('-'));
  return prefix.slice(0, SESSION_NAME.max - suffix.length).replace(/-+$/, '') + suffix;
}

/** Every character STS does not allow becomes '-'. */
function sanitise(text: string): string {
  return Array.from(text, (char) => (SESSION_NAME.char.test(char) ? char : '-')).join('');
}
