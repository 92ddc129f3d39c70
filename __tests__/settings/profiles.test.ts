import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_OTHER_ROLE_ARN, TEST_ROLE_ARN } from '../../__fixtures__/bad-inputs.ts';
import { splitProfileLine } from '../../src/settings/profiles.ts';
import { parse } from './input-reader.ts';

const A = TEST_ROLE_ARN;
const B = TEST_OTHER_ROLE_ARN;

describe('profile and profiles', () => {
  test('reads profile as one profile that continues the common chain', () => {
    const settings = parse({ profile: 'team:dev@eu+1.x%y_z', 'role-arn': A });
    assert.deepEqual(settings.profiles, [{ name: 'team:dev@eu+1.x%y_z', roleArns: [] }]);
    assert.deepEqual(settings.roleArns, [A]);
  });

  test("refuses profile without role-arn: a profile never holds the source's own credentials", () => {
    assert.throws(() => parse({ source: 'imds', profile: 'dev' }), /Input 'profile'/);
  });

  test('writes profile from the end of role-arn', () => {
    assert.deepEqual(parse({ source: 'imds', profile: 'dev', 'role-arn': A }).profiles, [
      { name: 'dev', roleArns: [] },
    ]);
  });

  test('reads one profile per line, skipping blank and # lines', () => {
    const settings = parse({ profiles: `# accounts\n\ndev: ${A}\n  # later\nprod: ${A} -> ${B}\n` });
    assert.deepEqual(settings.profiles, [
      { name: 'dev', roleArns: [A] },
      { name: 'prod', roleArns: [A, B] },
    ]);
  });

  test('lets a profile have no roles of its own when role-arn is given', () => {
    const settings = parse({ 'role-arn': A, profiles: `hub:\nspoke: ${B}` });
    assert.deepEqual(settings.profiles, [
      { name: 'hub', roleArns: [] },
      { name: 'spoke', roleArns: [B] },
    ]);
  });

  test('accepts 64-character names and names that differ only in case', () => {
    const long = 'p'.repeat(64);
    const settings = parse({ profiles: `${long}: ${A}\nDev: ${A}\ndev: ${B}` });
    assert.deepEqual(
      settings.profiles.map((profile) => profile.name),
      [long, 'Dev', 'dev'],
    );
  });
});

describe('the profiles line grammar', () => {
  const cases: [string, string, { name: string; chain: string } | undefined][] = [
    ['NAME: CHAIN', `dev: ${A}`, { name: 'dev', chain: A }],
    ['a tab after the colon', `dev:\t${A}`, { name: 'dev', chain: A }],
    ['spaces around the colon', `dev :  ${A}`, { name: 'dev', chain: A }],
    ['a name with colons', `team:dev: ${A} -> ${B}`, { name: 'team:dev', chain: `${A} -> ${B}` }],
    ['a name ending in a colon', `dev:: ${A}`, { name: 'dev:', chain: A }],
    ['a name containing :arn: in the spaced form', `x:arn:y: ${A}`, { name: 'x:arn:y', chain: A }],
    ['the compact form NAME:arn:...', `dev:${A}->${B}`, { name: 'dev', chain: `${A}->${B}` }],
    ['the compact form with a colon in the name', `team:dev:${A}`, { name: 'team:dev', chain: A }],
    ['a name alone', 'dev:', { name: 'dev', chain: '' }],
    ['no separator', `dev ${A}`, undefined],
    ['a colon that is not followed by whitespace or arn:', 'team:dev', undefined],
  ];
  for (const [what, line, expected] of cases) {
    test(`splits ${what}`, () => {
      assert.deepEqual(splitProfileLine(line), expected);
    });
  }

  test('reads a compact line and a spaced line alike', () => {
    const settings = parse({ profiles: `a:${A}\nb: ${A}` });
    assert.deepEqual(settings.profiles, [
      { name: 'a', roleArns: [A] },
      { name: 'b', roleArns: [A] },
    ]);
  });
});
