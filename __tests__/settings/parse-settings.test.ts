import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as core from '@actions/core';
import {
  KEYS_BASELINE,
  TEST_ACCESS_KEY_ID,
  TEST_OTHER_ROLE_ARN,
  TEST_ROLE_ARN,
  TEST_SECRET_ACCESS_KEY,
} from '../../__fixtures__/bad-inputs.ts';
import { parseActionSettings } from '../../src/action/action-settings.ts';
import { parseCliSettings } from '../../src/cli/args/cli-settings.ts';
import { InputError } from '../../src/errors.ts';
import { CONTEXT, inputEnv, parse, rawReader } from './input-reader.ts';

const KEYS = { 'aws-access-key-id': TEST_ACCESS_KEY_ID, 'aws-secret-access-key': TEST_SECRET_ACCESS_KEY };

function refusedInput(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.input;
  }
  assert.fail('expected an InputError');
}

describe('parseSettings defaults', () => {
  test('gives every default when no input is set', () => {
    assert.deepEqual(parse({}), {
      source: 'auto',
      roleArns: [],
      profiles: [],
      sessionName: CONTEXT.defaultSessionName,
      durationSeconds: 3600,
      region: undefined,
      keys: undefined,
      audience: 'sts.amazonaws.com',
      webIdentityTokenFile: undefined,
      externalId: undefined,
      sourceIdentity: undefined,
      sessionTags: [],
      transitiveTagKeys: [],
      inlineSessionPolicy: undefined,
      managedSessionPolicies: [],
      stsEndpoint: undefined,
      allowedAccountIds: [],
      maskAccountId: false,
      outputCredentials: false,
      exportEnv: true,
      overwriteProfile: false,
      refresh: false,
      cleanup: true,
      sourceProfile: undefined,
      mfaSerial: undefined,
      mfaCode: undefined,
    });
  });

  test("takes action.yml's own defaults as given", () => {
    const settings = parse({
      source: 'auto',
      duration: '3600',
      audience: 'sts.amazonaws.com',
      'mask-account-id': 'false',
      'output-credentials': 'false',
      'overwrite-profile': 'false',
      refresh: 'false',
      cleanup: 'true',
    });
    assert.equal(settings.source, 'auto');
    assert.equal(settings.durationSeconds, 3600);
    assert.equal(settings.cleanup, true);
  });

  test('ignores environment variables that only look like inputs', () => {
    const settings = parse({}, { AUDIENCE: 'evil', DURATION: '1', ROLE_ARN: TEST_ROLE_ARN, SOURCE: 'keys' });
    assert.equal(settings.audience, 'sts.amazonaws.com');
    assert.equal(settings.durationSeconds, 3600);
    assert.deepEqual(settings.roleArns, []);
    assert.equal(settings.source, 'auto');
  });
});

describe('source and keys', () => {
  for (const source of ['auto', 'imds', 'container', 'env'] as const) {
    test(`accepts source '${source}' without a role`, () => {
      assert.equal(parse({ source }).source, source);
    });
  }

  test("accepts source 'oidc' with a role", () => {
    assert.equal(parse({ source: 'oidc', 'role-arn': TEST_ROLE_ARN }).source, 'oidc');
  });

  test("accepts source 'oidc' when every profile has its own role", () => {
    const settings = parse({ source: 'oidc', profiles: `dev: ${TEST_ROLE_ARN}` });
    assert.equal(settings.source, 'oidc');
  });

  test("accepts source 'web-identity' with a token file from the input or AWS_WEB_IDENTITY_TOKEN_FILE", () => {
    const fromInput = parse({
      source: 'web-identity',
      'role-arn': TEST_ROLE_ARN,
      'web-identity-token-file': '/t',
    });
    assert.equal(fromInput.webIdentityTokenFile, '/t');
    const fromEnv = parse(
      { source: 'web-identity', 'role-arn': TEST_ROLE_ARN },
      { AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
    );
    assert.equal(fromEnv.webIdentityTokenFile, '/var/run/secrets/eks.amazonaws.com/serviceaccount/token');
    const both = parse({ 'web-identity-token-file': '/input' }, { AWS_WEB_IDENTITY_TOKEN_FILE: '/env' });
    assert.equal(both.webIdentityTokenFile, '/input');
  });

  test("reads keys for source 'keys', with and without a session token", () => {
    assert.deepEqual(parse(KEYS_BASELINE).keys, {
      accessKeyId: TEST_ACCESS_KEY_ID,
      secretAccessKey: TEST_SECRET_ACCESS_KEY,
    });
    assert.deepEqual(parse({ ...KEYS_BASELINE, 'aws-session-token': 'FwoGZXIvYXdzEXAMPLE' }).keys, {
      accessKeyId: TEST_ACCESS_KEY_ID,
      secretAccessKey: TEST_SECRET_ACCESS_KEY,
      sessionToken: 'FwoGZXIvYXdzEXAMPLE',
    });
  });

  test('leaves auto as auto when keys are given, for the source chooser to pick and log', () => {
    const settings = parse(KEYS);
    assert.equal(settings.source, 'auto');
    assert.equal(settings.keys?.accessKeyId, TEST_ACCESS_KEY_ID);
  });

  test("takes source-profile (CLI) as source 'profile', from auto or explicit", () => {
    const fromAuto = parseCliSettings(rawReader({ 'source-profile': 'dev' }), {}, CONTEXT);
    assert.equal(fromAuto.source, 'profile');
    assert.equal(fromAuto.sourceProfile, 'dev');
    const explicit = parseCliSettings(
      rawReader({ source: 'profile', 'source-profile': 'sso/admin' }),
      {},
      CONTEXT,
    );
    assert.equal(explicit.source, 'profile');
    assert.equal(explicit.sourceProfile, 'sso/admin');
  });

  test('refuses source-profile with another source, and keys with source-profile', () => {
    const read = (inputs: Record<string, string>) => () => parseCliSettings(rawReader(inputs), {}, CONTEXT);
    assert.equal(refusedInput(read({ source: 'imds', 'source-profile': 'dev' })), 'source-profile');
    assert.equal(refusedInput(read({ ...KEYS, 'source-profile': 'dev' })), 'aws-access-key-id');
    assert.equal(refusedInput(read({ 'source-profile': 'dev]' })), 'source-profile');
  });

  test('reads an MFA serial and code (CLI) and refuses a code without a serial or of the wrong shape', () => {
    const serial = 'arn:aws:iam::123456789012:mfa/jane';
    const read = (inputs: Record<string, string>) => () => parseCliSettings(rawReader(inputs), {}, CONTEXT);
    const settings = read({ 'mfa-serial': serial, 'mfa-code': '123456' })();
    assert.equal(settings.mfaSerial, serial);
    assert.equal(settings.mfaCode, '123456');
    assert.equal(refusedInput(read({ 'mfa-code': '123456' })), 'mfa-code');
    assert.equal(refusedInput(read({ 'mfa-serial': serial, 'mfa-code': '12345' })), 'mfa-code');
    assert.equal(refusedInput(read({ 'mfa-serial': 'short' })), 'mfa-serial');
  });
});

describe('role chains', () => {
  test('reads one role ARN', () => {
    assert.deepEqual(parse({ 'role-arn': TEST_ROLE_ARN }).roleArns, [TEST_ROLE_ARN]);
  });

  test("reads a chain joined by '->', one per line, or both", () => {
    const third = 'arn:aws:iam::333333333333:role/third';
    const expected = [TEST_ROLE_ARN, TEST_OTHER_ROLE_ARN, third];
    assert.deepEqual(
      parse({ 'role-arn': `${TEST_ROLE_ARN} -> ${TEST_OTHER_ROLE_ARN}->${third}` }).roleArns,
      expected,
    );
    assert.deepEqual(
      parse({ 'role-arn': `${TEST_ROLE_ARN}\n\n${TEST_OTHER_ROLE_ARN}\r\n${third}` }).roleArns,
      expected,
    );
    assert.deepEqual(
      parse({ 'role-arn': `${TEST_ROLE_ARN} -> ${TEST_OTHER_ROLE_ARN}\n${third}` }).roleArns,
      expected,
    );
  });

  test('accepts every partition, paths, and the full IAM name alphabet', () => {
    for (const partition of [
      'aws',
      'aws-cn',
      'aws-us-gov',
      'aws-iso',
      'aws-iso-b',
      'aws-iso-e',
      'aws-iso-f',
      'aws-eusc',
    ]) {
      const arn = `arn:${partition}:iam::123456789012:role/ci/deploy/Role_1+=,.@-x`;
      assert.deepEqual(parse({ 'role-arn': arn }).roleArns, [arn]);
    }
    const longest = `arn:aws:iam::123456789012:role/${'r'.repeat(64)}`;
    assert.deepEqual(parse({ 'role-arn': longest }).roleArns, [longest]);
  });

  test('names the position of the hop at fault', () => {
    const error = (() => {
      try {
        parse({ 'role-arn': `${TEST_ROLE_ARN}\n${TEST_OTHER_ROLE_ARN} -> -> ${TEST_ROLE_ARN}` });
      } catch (caught) {
        return caught as InputError;
      }
      assert.fail('expected an error');
    })();
    assert.match(error.message, /^Input 'role-arn': hop 3 is empty/);
  });
});

describe('rules across inputs', () => {
  test('accepts refresh with a profile and a renewable source', () => {
    const settings = parse({ source: 'oidc', 'role-arn': TEST_ROLE_ARN, profile: 'dev', refresh: 'true' });
    assert.equal(settings.refresh, true);
  });

  test('checks inputs in action.yml order, so the first error is always the same', () => {
    const inputs = { source: 'magic', duration: 'abc', profile: 'a]', refresh: 'maybe' };
    assert.equal(
      refusedInput(() => parse(inputs)),
      'source',
    );
    assert.equal(
      refusedInput(() => parse({ ...inputs, source: 'auto' })),
      'duration',
    );
    assert.equal(
      refusedInput(() => parse({ ...inputs, source: 'auto', duration: '1h' })),
      'refresh',
    );
  });

  test('validates per-input problems before conflicts between inputs', () => {
    assert.equal(
      refusedInput(() => parse({ source: 'oidc', ...KEYS, duration: '0' })),
      'duration',
    );
  });
});

describe('readers', () => {
  test('refuses a value of only whitespace from a reader that does not trim (the CLI)', () => {
    const read = (inputs: Record<string, string>) => () => parseCliSettings(rawReader(inputs), {}, CONTEXT);
    assert.equal(refusedInput(read({ duration: '   ' })), 'duration');
    assert.equal(refusedInput(read({ 'role-arn': ' \n ' })), 'role-arn');
  });

  test('takes a value that trims to nothing in the action as absent (core.getInput trims)', () => {
    assert.equal(parse({ duration: '   ' }).durationSeconds, 3600);
  });

  test('trims values from a reader that does not trim', () => {
    const settings = parseCliSettings(rawReader({ duration: ' 1h ', region: '\teu-west-1 ' }), {}, CONTEXT);
    assert.equal(settings.durationSeconds, 3600);
    assert.equal(settings.region, 'eu-west-1');
  });

  test("parses through @actions/core's own reader from INPUT_* variables", () => {
    const inputs = {
      'role-arn': `${TEST_ROLE_ARN}\n${TEST_OTHER_ROLE_ARN}\n`,
      duration: ' 2h ',
      'mask-account-id': 'TRUE',
    };
    const env = inputEnv(inputs);
    const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
    Object.assign(process.env, env);
    try {
      const settings = parseActionSettings((name) => core.getInput(name), {}, CONTEXT);
      assert.deepEqual(settings.roleArns, [TEST_ROLE_ARN, TEST_OTHER_ROLE_ARN]);
      assert.equal(settings.durationSeconds, 7200);
      assert.equal(settings.maskAccountId, true);
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
