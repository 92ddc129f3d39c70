// The CLI's exit statuses, one row per rule, as HELP_TEXT documents them and shells report them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { HELP_TEXT } from '../../src/cli/args/help-text.ts';
import { UsageError } from '../../src/cli/args/usage-error.ts';
import { CommandStartError } from '../../src/cli/exec/command-start-error.ts';
import {
  childExitCode,
  EXIT_ACCOUNT_CHECK,
  EXIT_COMMAND_NOT_EXECUTABLE,
  EXIT_COMMAND_NOT_FOUND,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_SOURCE_FAILED,
  EXIT_STATUSES,
  EXIT_STS_REFUSED,
  EXIT_STS_UNAVAILABLE,
  EXIT_USAGE,
  exitCodeForError,
} from '../../src/cli/exit-codes.ts';
import { diagnoseHopFailure } from '../../src/diagnosis/diagnose-hop-failure.ts';
import { StsRefusalError } from '../../src/diagnosis/sts-refusal.ts';
import { AccountCheckError, InputError, SourceError } from '../../src/errors.ts';

const spawnError = (code: string) => Object.assign(new Error(`spawn x ${code}`), { code });

/** A hop's failure as the SDK throws it, diagnosed as the chain does: an STS answer, or none. */
const HOP = {
  position: 'hop 1 of 1',
  operation: 'AssumeRole',
  caller: 'arn:aws:iam::111111111111:user/u',
  callerIsSource: true,
  sourceName: 'env',
  tagsSent: false,
  endpoint: 'https://sts.amazonaws.com',
} as const;
const hopFailure = (name: string, status?: number, code?: string) =>
  diagnoseHopFailure(
    Object.assign(
      new Error(name),
      { name },
      status ? { $metadata: { httpStatusCode: status } } : {},
      code ? { code } : {},
    ),
    HOP,
  );

describe('the exit status for an error', () => {
  const rows: [name: string, error: unknown, status: number][] = [
    ['a bad option is a usage error: 2', new UsageError('unknown option --x'), 2],
    ['a bad input value is a usage error: 2', new InputError('duration', 'too long', 'Use 1h.'), 2],
    ['a failed source: 3', new SourceError('imds', 'no answer', 'Run on EC2.'), 3],
    ['a refused STS call: 4', new StsRefusalError('hop 1 of 1 failed', 'AccessDenied', [], 'fix it'), 4],
    ['AccessDenied from STS: 4', hopFailure('AccessDenied', 403), 4],
    ['throttling after retries: 5', hopFailure('Throttling', 400), 5],
    ['a 503 after retries: 5', hopFailure('ServiceUnavailable', 503), 5],
    ['a DNS failure: 5', hopFailure('Error', undefined, 'ENOTFOUND'), 5],
    ['a timeout: 5', hopFailure('TimeoutError'), 5],
    [
      'an account outside --allowed-account-ids: 6',
      new AccountCheckError('allowed-account-ids', '222222222222', 'not in the list', 'Fix it.'),
      6,
    ],
    ['a command that is not found: 127', new CommandStartError('nope', spawnError('ENOENT')), 127],
    ['a command that cannot be run: 126', new CommandStartError('./x', spawnError('EACCES')), 126],
    ['anything else, a bug or a failed write: 1', new Error('EACCES: permission denied'), 1],
    ['a thrown string: 1', 'a thrown string', 1],
  ];
  for (const [name, error, status] of rows) test(name, () => assert.equal(exitCodeForError(error), status));
});

describe("exec mode's own status", () => {
  const rows: [name: string, code: number | null, signal: NodeJS.Signals | null, status: number][] = [
    ["the command's success", 0, null, 0],
    ["the command's own failure status", 7, null, 7],
    ['killed by SIGINT: 128 + 2', null, 'SIGINT', 130],
    ['killed by SIGKILL: 128 + 9', null, 'SIGKILL', 137],
    ['killed by SIGTERM: 128 + 15', null, 'SIGTERM', 143],
    ['neither a status nor a signal: 1', null, null, 1],
  ];
  for (const [name, code, signal, status] of rows)
    test(name, () => assert.equal(childExitCode(code, signal), status));
});

test('the statuses are the documented ones, and --help lists each', () => {
  assert.deepEqual(
    [
      EXIT_OK,
      EXIT_FAILURE,
      EXIT_USAGE,
      EXIT_SOURCE_FAILED,
      EXIT_STS_REFUSED,
      EXIT_STS_UNAVAILABLE,
      EXIT_ACCOUNT_CHECK,
    ],
    [0, 1, 2, 3, 4, 5, 6],
  );
  assert.deepEqual([EXIT_COMMAND_NOT_EXECUTABLE, EXIT_COMMAND_NOT_FOUND], [126, 127]);
  for (const { code, meaning } of EXIT_STATUSES) assert.ok(HELP_TEXT.includes(`\n  ${code}    ${meaning}\n`));
  assert.match(
    HELP_TEXT,
    /128 \+ N when signal N killed it;\s+127 when it was not found, 126 when it could not be run/,
  );
});

test("README's exit status table is the one --help prints", () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map(([, code, meaning]) => ({
    code: Number(code),
    meaning,
  }));
  assert.deepEqual(rows, EXIT_STATUSES);
});
