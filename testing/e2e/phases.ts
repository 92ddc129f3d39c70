// Reading what the runner saw of a phase, and the checks every end-to-end suite makes of a step.
import assert from 'node:assert/strict';
import type { LoggedRequest } from '../aws-test-server/index.ts';
import type { PhaseResult, StepResult } from '../runner-harness/index.ts';

export const commandMessages = (phase: PhaseResult, name: string): string[] =>
  phase.commands.filter((command) => command.name === name).map((command) => command.message);

/** Log lines that are not workflow commands. */
export const plainLines = (phase: PhaseResult): string[] =>
  phase.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'));

export function phaseLog(phase: PhaseResult): string {
  return `exit ${phase.exitCode} after ${Math.round(phase.durationMs)} ms\n--- stdout ---\n${phase.stdout}\n--- stderr ---\n${phase.stderr}`;
}

/** The calls the log recorded for one target (and action), in order. */
export function callsTo(
  requests: readonly LoggedRequest[],
  target: string,
  action?: string,
): LoggedRequest[] {
  return requests.filter(
    (request) => request.target === target && (action === undefined || request.action === action),
  );
}

export const stsCalls = (requests: readonly LoggedRequest[]): LoggedRequest[] => callsTo(requests, 'sts');

/** The phase succeeded without an error or a warning. */
export function assertClean(phase: PhaseResult): void {
  assert.equal(phase.timedOut, false, `timed out\n${phaseLog(phase)}`);
  assert.equal(phase.exitCode, 0, phaseLog(phase));
  assert.deepEqual(commandMessages(phase, 'error'), [], phaseLog(phase));
  assert.deepEqual(commandMessages(phase, 'warning'), [], phaseLog(phase));
}

/** Main succeeded without an error, and post (when it ran) without a warning. */
export function assertSucceeded(step: StepResult): void {
  assert.equal(step.main.timedOut, false, `main timed out\n${phaseLog(step.main)}`);
  assert.equal(step.main.exitCode, 0, phaseLog(step.main));
  assert.deepEqual(commandMessages(step.main, 'error'), [], phaseLog(step.main));
  if (step.post) assertClean(step.post);
}

/** The phase failed with exactly one `::error::`, which is returned. */
export function assertFailedPhase(phase: PhaseResult): string {
  assert.equal(phase.timedOut, false, `timed out\n${phaseLog(phase)}`);
  assert.equal(phase.exitCode, 1, phaseLog(phase));
  const errors = commandMessages(phase, 'error');
  assert.equal(errors.length, 1, phaseLog(phase));
  return errors[0] ?? '';
}

/**
 * Main failed with exactly one `::error::`, handing nothing to later steps (no GITHUB_ENV, no outputs),
 * and post did not fail too. Returns the error message.
 */
export function assertFailed(step: StepResult): string {
  const error = assertFailedPhase(step.main);
  assert.equal(step.main.files.env, '', 'nothing is exported on failure');
  assert.equal(step.main.files.output, '', 'no output is set on failure');
  if (step.post) assert.equal(step.post.exitCode, 0, phaseLog(step.post));
  return error;
}
