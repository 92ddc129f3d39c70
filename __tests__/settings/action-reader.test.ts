import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY } from '../../__fixtures__/bad-inputs.ts';
import { parseActionSettings } from '../../src/action/action-settings.ts';
import { unknownInputsWarning } from '../../src/action/unknown-inputs.ts';
import { CliInputs, INPUT_NAMES } from '../../src/constants.ts';
import { CONTEXT } from './input-reader.ts';

const CLI_ONLY: Record<string, string> = {
  [CliInputs.sourceProfile]: 'nope',
  [CliInputs.mfaSerial]: 'arn:aws:iam::123456789012:mfa/jane',
  [CliInputs.mfaCode]: '123456',
};

describe("the action's settings reader", () => {
  test('asks only for the inputs action.yml declares', () => {
    const asked: string[] = [];
    parseActionSettings(
      (name) => {
        asked.push(name);
        return '';
      },
      {},
      CONTEXT,
    );
    assert.deepEqual([...new Set(asked)].sort(), [...INPUT_NAMES].sort());
  });

  test('gives the same settings whether or not CLI-only inputs are there to read', () => {
    const inputs = {
      'aws-access-key-id': TEST_ACCESS_KEY_ID,
      'aws-secret-access-key': TEST_SECRET_ACCESS_KEY,
    };
    const without = parseActionSettings((name) => inputs[name as keyof typeof inputs] ?? '', {}, CONTEXT);
    const withCliOnly = parseActionSettings((name) => ({ ...inputs, ...CLI_ONLY })[name] ?? '', {}, CONTEXT);
    assert.deepEqual(withCliOnly, without);
    assert.equal(withCliOnly.source, 'auto');
    assert.equal(withCliOnly.sourceProfile, undefined);
    assert.equal(withCliOnly.mfaSerial, undefined);
  });
});

describe('the warning for undeclared INPUT_* variables', () => {
  test('names each undeclared input, as the runner does, and lists the valid ones', () => {
    const warning = unknownInputsWarning({
      'INPUT_ROLE-ARN': 'x',
      'INPUT_SOURCE-PROFILE': 'nope',
      INPUT_ROLE_ARN: 'y',
      PATH: '/bin',
    });
    assert.equal(
      warning,
      `Unexpected input(s) 'role_arn', 'source-profile', valid inputs are [${INPUT_NAMES.map((name) => `'${name}'`).join(', ')}]`,
    );
  });

  test('is silent when every INPUT_* variable is declared', () => {
    assert.equal(
      unknownInputsWarning({ 'INPUT_ROLE-ARN': 'x', INPUT_CLEANUP: 'true', HOME: '/home/me' }),
      undefined,
    );
  });
});
