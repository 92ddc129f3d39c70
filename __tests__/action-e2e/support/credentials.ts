// What a step of the action issued, exported and masked, as the action suites read it.
import assert from 'node:assert/strict';
import { phaseLog, RUN_ATTEMPT } from '../../../testing/e2e/index.ts';
import type { Job, PhaseResult } from '../../../testing/runner-harness/index.ts';
import type { Keys } from './botocore.ts';

/** The credentials a step exported to later steps. */
export function exportedKeys(phase: PhaseResult): Keys {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = phase.exported;
  assert.ok(AWS_ACCESS_KEY_ID && AWS_SECRET_ACCESS_KEY, `no keys exported:\n${phaseLog(phase)}`);
  return {
    accessKeyId: AWS_ACCESS_KEY_ID,
    secretAccessKey: AWS_SECRET_ACCESS_KEY,
    ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
  };
}

/** The default RoleSessionName of this job's runs: repository, run id and attempt. */
export function defaultSessionName(job: Job): string {
  const runId = job.env.GITHUB_RUN_ID;
  assert.ok(runId, 'the harness sets GITHUB_RUN_ID');
  return `gha-octo-repo-${runId}-${RUN_ATTEMPT}`;
}

/**
 * Every set of keys masked by a phase, in order: a key id mask followed by its secret and (for sessions)
 * token. Sources and STS hand them out in that order, so these are the issued credentials as the runner saw them.
 */
export function maskedKeys(phase: PhaseResult): Keys[] {
  const keys: Keys[] = [];
  phase.masks.forEach((mask, index) => {
    if (!/^A[SK]IA[A-Z2-7]{16}$/.test(mask)) return;
    const secretAccessKey = phase.masks[index + 1];
    const sessionToken = mask.startsWith('ASIA') ? phase.masks[index + 2] : undefined;
    assert.ok(secretAccessKey, `no secret masked after ${mask}`);
    keys.push({ accessKeyId: mask, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
  });
  return keys;
}

/**
 * Each secret is masked before it is mentioned at all, and never mentioned anywhere else: not in any other
 * line of stdout, not in stderr, not in the job summary.
 */
export function assertMasksFirst(phase: PhaseResult, secrets: readonly string[]): void {
  const lines = phase.stdout.split('\n');
  for (const secret of secrets) {
    assert.ok(secret.length >= 8, `'${secret}' is too short to be a secret worth checking`);
    assert.ok(phase.masks.includes(secret), `never masked: ${secret}`);
    const mentions = lines.filter((line) => line.includes(secret));
    assert.ok(
      mentions.every((line) => line === `::add-mask::${secret}`),
      `${secret} appears in stdout outside its add-mask:\n${mentions.join('\n')}`,
    );
    assert.ok(!phase.stderr.includes(secret), `${secret} appears in stderr`);
    assert.ok(!phase.summary.includes(secret), `${secret} appears in the job summary`);
  }
}

/** Each value's first mention in stdout is its own add-mask line (it may be mentioned, masked, later). */
export function assertMaskedBeforeMention(phase: PhaseResult, values: readonly string[]): void {
  const lines = phase.stdout.split('\n');
  for (const value of values) {
    const first = lines.find((line) => line.includes(value));
    assert.equal(first, `::add-mask::${value}`, `first mention of ${value} is not its mask`);
  }
}
