import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { HELP_TEXT } from '../../src/cli/args/help-text.ts';
import { UsageError } from '../../src/cli/args/usage-error.ts';
import {
  childExitCode,
  EXIT_ACCOUNT_CHECK,
  EXIT_FAILURE,
  EXIT_SOURCE_FAILED,
  EXIT_STATUSES,
  EXIT_STS_REFUSED,
  EXIT_STS_UNAVAILABLE,
  EXIT_USAGE,
  exitCodeForError,
} from '../../src/cli/exit-codes.ts';
import { diagnoseHopFailure } from '../../src/diagnosis/diagnose-hop-failure.ts';
import { AccountCheckError, InputError, SourceError } from '../../src/errors.ts';

/** One error of each class the CLI can end with, and the status --help promises for it. */
const STS_HOP = {
  position: 'hop 1 of 1',
  operation: 'AssumeRole',
  caller: 'arn:aws:iam::111111111111:user/u',
  callerIsSource: true,
  sourceName: 'env',
  tagsSent: false,
  endpoint: 'https://sts.amazonaws.com',
} as const;
const stsError = (name: string, status?: number, code?: string) =>
  Object.assign(
    new Error(name),
    { name },
    status ? { $metadata: { httpStatusCode: status } } : {},
    code ? { code } : {},
  );
const CLASSES: readonly { error: unknown; status: number; what: string }[] = [
  { what: 'an unknown option', error: new UsageError('bad'), status: EXIT_USAGE },
  { what: 'a bad value', error: new InputError('duration', 'too long', 'Use 1h.'), status: EXIT_USAGE },
  {
    what: 'a failed source',
    error: new SourceError('imds', 'no answer', 'Run on EC2.'),
    status: EXIT_SOURCE_FAILED,
  },
  {
    what: 'AccessDenied',
    error: diagnoseHopFailure(stsError('AccessDenied', 403), STS_HOP),
    status: EXIT_STS_REFUSED,
  },
  {
    what: 'throttling',
    error: diagnoseHopFailure(stsError('Throttling', 400), STS_HOP),
    status: EXIT_STS_UNAVAILABLE,
  },
  {
    what: 'a 503',
    error: diagnoseHopFailure(stsError('ServiceUnavailable', 503), STS_HOP),
    status: EXIT_STS_UNAVAILABLE,
  },
  {
    what: 'DNS',
    error: diagnoseHopFailure(stsError('Error', undefined, 'ENOTFOUND'), STS_HOP),
    status: EXIT_STS_UNAVAILABLE,
  },
  {
    what: 'a timeout',
    error: diagnoseHopFailure(stsError('TimeoutError'), STS_HOP),
    status: EXIT_STS_UNAVAILABLE,
  },
  {
    what: 'a refused account',
    error: new AccountCheckError('allowed-account-ids', '222222222222', 'not allowed', 'Fix it.'),
    status: EXIT_ACCOUNT_CHECK,
  },
  { what: 'a bug', error: new Error('bug'), status: EXIT_FAILURE },
  { what: 'a thrown string', error: 'a thrown string', status: EXIT_FAILURE },
];

for (const { what, error, status } of CLASSES) {
  test(`${what} exits ${status}`, () => {
    assert.equal(exitCodeForError(error), status);
  });
}

test('--help lists every status the CLI chooses, each once', () => {
  const codes = EXIT_STATUSES.map(({ code }) => code);
  assert.equal(new Set(codes).size, codes.length);
  for (const { status } of CLASSES) assert.ok(codes.includes(status), `status ${status} is documented`);
  for (const { code, meaning } of EXIT_STATUSES) assert.ok(HELP_TEXT.includes(`  ${code}    ${meaning}\n`));
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

test("README's exit status table is the one --help prints", () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map(([, code, meaning]) => ({
    code: Number(code),
    meaning,
  }));
  assert.deepEqual(rows, EXIT_STATUSES);
});
