import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BAD_INPUTS, TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY } from '../../__fixtures__/bad-inputs.ts';
import { parseActionSettings } from '../../src/action/action-settings.ts';
import { INPUT_NAMES } from '../../src/constants.ts';
import { InputError } from '../../src/errors.ts';
import { actionReader, CONTEXT } from './input-reader.ts';

/** Inputs whose values must never appear in an error. */
const SECRET_INPUTS = new Set([
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token',
  'external-id',
]);

describe('bad inputs', () => {
  for (const row of BAD_INPUTS) {
    test(row.name, () => {
      assert.throws(
        () => parseActionSettings(actionReader(row.inputs), row.env ?? {}, CONTEXT),
        (error: unknown) => {
          assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
          assert.equal(error.input, row.input, error.message);
          assert.ok(error.message.startsWith(`Input '${row.input}': `), error.message);
          assert.ok(error.fix.length > 0);
          assert.doesNotMatch(error.message, /[\r\n]/, 'the message is one line');
          assert.ok(!error.message.includes(TEST_SECRET_ACCESS_KEY), 'the secret key is never shown');
          assert.ok(!error.message.includes(TEST_ACCESS_KEY_ID), 'the key id is never shown');
          const value = row.inputs[row.input];
          if (SECRET_INPUTS.has(row.input) && value && value.length >= 4)
            assert.ok(!error.message.includes(value.slice(0, 8)), 'a secret value is never shown');
          return true;
        },
      );
    });
  }

  test('the table has at least 50 rows with distinct names', () => {
    assert.ok(BAD_INPUTS.length >= 50, `${BAD_INPUTS.length} rows`);
    assert.equal(new Set(BAD_INPUTS.map((row) => row.name)).size, BAD_INPUTS.length);
  });

  test('the table covers every action input and uses only action inputs', () => {
    const named = new Set(BAD_INPUTS.map((row) => row.input));
    assert.deepEqual(
      INPUT_NAMES.filter((name) => !named.has(name)),
      [],
    );
    for (const row of BAD_INPUTS)
      for (const name of Object.keys(row.inputs))
        assert.ok(INPUT_NAMES.includes(name as never), `${row.name}: ${name}`);
  });
});
