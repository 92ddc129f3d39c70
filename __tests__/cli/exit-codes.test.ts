import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../src/cli/args/usage-error.ts';
import {
  childExitCode,
  EXIT_FAILURE,
  EXIT_SOURCE_FAILED,
  EXIT_USAGE,
  exitCodeForError,
} from '../../src/cli/exit-codes.ts';
import { InputError, SourceError } from '../../src/errors.ts';

test('a bad option or input exits 2, a failed source 3, anything else 1', () => {
  assert.equal(exitCodeForError(new UsageError('bad')), EXIT_USAGE);
  assert.equal(exitCodeForError(new InputError('duration', 'too long', 'Use 1h.')), EXIT_USAGE);
  assert.equal(exitCodeForError(new SourceError('imds', 'no answer', 'Run on EC2.')), EXIT_SOURCE_FAILED);
  assert.equal(exitCodeForError(new Error('bug')), EXIT_FAILURE);
  assert.equal(exitCodeForError('a thrown string'), EXIT_FAILURE);
});

test("exec mode passes on the command's own exit status", () => {
  assert.equal(childExitCode(0, null), 0);
  assert.equal(childExitCode(7, null), 7);
});

test('a command killed by a signal exits 128 + the signal number, as shells report it', () => {
  assert.equal(childExitCode(null, 'SIGTERM'), 143);
  assert.equal(childExitCode(null, 'SIGKILL'), 137);
  assert.equal(childExitCode(null, 'SIGINT'), 130);
});
