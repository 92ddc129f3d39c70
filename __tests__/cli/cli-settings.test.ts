import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCliSettings } from '../../src/cli/args/cli-settings.ts';
import { parseCliArgs, type RunCommand } from '../../src/cli/args/parse-args.ts';
import { InputError } from '../../src/errors.ts';

const MFA = ['--mfa-serial', 'arn:aws:iam::111111111111:mfa/me', '--mfa-code', '123456'];
const ENV = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };
const neverAsked = async (): Promise<string> => assert.fail('no prompt expected');

function run(args: string[]): RunCommand {
  const command = parseCliArgs(args);
  assert.equal(command.kind, 'run');
  return command;
}

describe('MFA in the CLI', () => {
  it('sends the code with the one common first hop', async () => {
    const settings = await readCliSettings(
      run(['--source', 'env', '--role-arn', 'arn:aws:iam::111111111111:role/hub', ...MFA]),
      ENV,
      neverAsked,
    );
    assert.equal(settings.mfaCode, '123456');
  });

  it('refuses one code for several profiles without a common role, since STS takes a code only once', async () => {
    const profiles = [
      '--profiles',
      'a: arn:aws:iam::222222222222:role/a',
      '--profiles',
      'b: arn:aws:iam::333333333333:role/b',
    ];
    await assert.rejects(
      readCliSettings(run(['--source', 'env', ...profiles, ...MFA]), ENV, neverAsked),
      (error: unknown) => error instanceof InputError && error.input === 'mfa-serial',
    );
  });
});
