// The GitHub context variables the runner gives every step of a job on a hosted Linux runner.
import { randomBytes, randomInt } from 'node:crypto';

export const REPOSITORY_OWNER = 'octo-org';
export const REPOSITORY = `${REPOSITORY_OWNER}/octo-repo`;
export const REF = 'refs/heads/main';
export const WORKFLOW_FILE = '.github/workflows/ci.yml';

export interface JobDirs {
  home: string;
  runnerTemp: string;
  workspace: string;
  toolCache: string;
  eventPath: string;
}

/** Fixed for the whole job, like one workflow run; ids are random so tests cannot depend on them. */
export function jobContextEnv(dirs: JobDirs): Record<string, string> {
  const sha = randomBytes(20).toString('hex');
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: REPOSITORY_OWNER,
    GITHUB_RUN_ID: String(randomInt(1_000_000_000, 99_999_999_999)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: String(randomInt(1, 10_000)),
    GITHUB_JOB: 'test',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_WORKFLOW_REF: `${REPOSITORY}/${WORKFLOW_FILE}@${REF}`,
    GITHUB_SHA: sha,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_REF: REF,
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_BASE_REF: '',
    GITHUB_HEAD_REF: '',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: dirs.eventPath,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_WORKSPACE: dirs.workspace,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: dirs.runnerTemp,
    RUNNER_TOOL_CACHE: dirs.toolCache,
    HOME: dirs.home,
  };
}

/** A minimal push payload for GITHUB_EVENT_PATH. */
export function pushEvent(sha: string): string {
  const repository = {
    full_name: REPOSITORY,
    name: REPOSITORY.split('/')[1],
    owner: { login: REPOSITORY_OWNER },
  };
  return `${JSON.stringify({ ref: REF, after: sha, repository, sender: { login: 'octocat' } }, null, 2)}\n`;
}
