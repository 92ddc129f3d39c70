import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overriderWarnings } from '../../src/later-steps/overrider-warnings.ts';
import type { FamilyId } from '../../src/later-steps/sdk-families.ts';
import { describeUse, type SharedProfile, whoWillSign } from '../../src/later-steps/who-will-sign.ts';

const EXPORTED = {
  AWS_ACCESS_KEY_ID: 'ASIAEXPORTED',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_SESSION_TOKEN: 'token',
  AWS_EC2_METADATA_DISABLED: 'true',
};
const KEYS = 'the exported keys';
const team: SharedProfile = { name: 'team', hasCredentials: true };
const defaultProfile: SharedProfile = { name: 'default', hasCredentials: true };

interface Scenario {
  name: string;
  env?: Record<string, string>;
  profiles?: SharedProfile[];
  /** Families not named use the exported keys, except PowerShell v4, which never reads the environment. */
  expect: Partial<Record<FamilyId, string>>;
  overriders: string[];
}

const SCENARIOS: Scenario[] = [
  { name: 'nothing else set', expect: {}, overriders: [] },
  {
    name: 'AWS_PROFILE naming an existing profile',
    env: { AWS_PROFILE: 'team' },
    profiles: [team],
    expect: { 'js-v3': 'profile team', 'js-direct': 'profile team', 'dotnet-v3': 'profile team' },
    overriders: ['AWS_PROFILE'],
  },
  {
    name: 'AWS_PROFILE naming a missing profile',
    env: { AWS_PROFILE: 'gone' },
    expect: {
      'aws-cli': 'an error: AWS_PROFILE names profile "gone", which no shared file has',
      'js-v3': 'no credentials',
      'js-direct': 'no credentials',
    },
    overriders: ['AWS_PROFILE'],
  },
  {
    name: 'an empty AWS_PROFILE (the CLI reads it as a name, the others as unset)',
    env: { AWS_PROFILE: '' },
    expect: { 'aws-cli': 'an error: AWS_PROFILE names profile "", which no shared file has' },
    overriders: ['AWS_PROFILE'],
  },
  {
    name: 'a [default] profile with keys',
    profiles: [defaultProfile],
    expect: { 'dotnet-v3': 'profile default', 'powershell-v4': 'profile default' },
    overriders: ['default-profile'],
  },
  {
    name: 'a [default] profile with only a region',
    profiles: [{ name: 'default', hasCredentials: false }],
    expect: {},
    overriders: [],
  },
  {
    name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI (EKS Pod Identity)',
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' },
    expect: { 'js-direct': 'container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)' },
    overriders: ['AWS_CONTAINER_CREDENTIALS_FULL_URI'],
  },
  {
    name: 'an empty AWS_CONTAINER_CREDENTIALS_FULL_URI',
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: '' },
    expect: {},
    overriders: [],
  },
  {
    name: 'IRSA variables',
    env: {
      AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token',
      AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/irsa',
    },
    expect: {},
    overriders: [],
  },
  {
    name: 'a [default] profile in a file AWS_SHARED_CREDENTIALS_FILE names',
    env: { AWS_SHARED_CREDENTIALS_FILE: '/elsewhere/credentials' },
    profiles: [{ ...defaultProfile, fileVariable: 'AWS_SHARED_CREDENTIALS_FILE' }],
    expect: { 'dotnet-v3': 'profile default', 'powershell-v4': 'profile default' },
    overriders: ['default-profile', 'AWS_SHARED_CREDENTIALS_FILE'],
  },
  {
    name: 'long-term keys without a session token',
    env: { AWS_SESSION_TOKEN: '' },
    expect: { 'powershell-v5': 'no credentials' },
    overriders: [],
  },
];

for (const scenario of SCENARIOS) {
  test(`who will sign: ${scenario.name}`, () => {
    const env = { ...EXPORTED, ...scenario.env };
    const verdicts = whoWillSign(env, scenario.profiles ?? []);
    const expected = { 'powershell-v4': 'no credentials', ...scenario.expect };
    for (const verdict of verdicts) {
      assert.equal(describeUse(verdict.use), expected[verdict.family.id] ?? KEYS, verdict.family.name);
    }
    const overriders = [...new Set(verdicts.flatMap((verdict) => verdict.overriders))];
    assert.deepEqual(overriders, scenario.overriders);
    const warnings = overriderWarnings(verdicts, env);
    assert.equal(warnings.length, scenario.overriders.length, warnings.join('\n'));
    for (const [index, overrider] of scenario.overriders.entries()) {
      const label = overrider === 'default-profile' ? 'A [default] profile' : overrider;
      assert.ok(warnings[index]?.startsWith(label), warnings[index]);
      assert.match(warnings[index] ?? '', /Fix: /);
    }
  });
}

test('the AWS_PROFILE warning names the families it captures and warns against an empty value', () => {
  const env = { ...EXPORTED, AWS_PROFILE: 'team' };
  const [warning = ''] = overriderWarnings(whoWillSign(env, [team]), env);
  assert.match(warning, /^AWS_PROFILE="team" takes later steps off the exported keys: /);
  assert.match(warning, /JS SDK v3 \(fromNodeProviderChain\) → profile team/);
  assert.match(warning, /\.NET SDK v3 → profile team/);
  assert.doesNotMatch(warning, /Go SDK|Ruby|AWS CLI v2, botocore \(Python\) →/);
  assert.match(warning, /an empty AWS_PROFILE is no fix/);
  assert.match(warning, /profile: "team", overwrite-profile: true, export-env: true/);
});

test('a value with a line break or a workflow command stays on one line and starts no command', () => {
  const env = { ...EXPORTED, AWS_PROFILE: 'x\n::error::owned' };
  const warnings = overriderWarnings(whoWillSign(env, []), env);
  assert.ok(warnings.length > 0);
  for (const warning of warnings) {
    assert.doesNotMatch(warning, /[\r\n]/);
    assert.doesNotMatch(warning, /::/);
  }
});
