import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from './input-reader.ts';

describe('single values', () => {
  const durations: [string, number][] = [
    ['900', 900],
    ['43200', 43200],
    ['03600', 3600],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2h', 7200],
    ['12h', 43200],
    ['900s', 900],
    ['1h0m30s', 3630],
    ['20m30s', 1230],
  ];
  for (const [duration, seconds] of durations) {
    test(`reads a duration of ${duration} as ${seconds} seconds`, () => {
      assert.equal(parse({ duration }).durationSeconds, seconds);
    });
  }

  test('reads an explicit session name of STS characters', () => {
    assert.equal(
      parse({ 'session-name': 'jane@example.com+ci=1,run.2_x-y' }).sessionName,
      'jane@example.com+ci=1,run.2_x-y',
    );
    assert.equal(parse({ 'session-name': 's'.repeat(64) }).sessionName, 's'.repeat(64));
  });

  test('reads regions of every shape, from the input first, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    for (const region of [
      'us-east-1',
      'us-gov-west-1',
      'cn-north-1',
      'eu-isoe-west-1',
      'us-isob-east-1',
      'ap-southeast-5',
    ])
      assert.equal(parse({ region }).region, region);
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' };
    assert.equal(parse({ region: 'us-west-2' }, env).region, 'us-west-2');
    assert.equal(parse({}, env).region, 'eu-west-1');
    assert.equal(parse({}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-west-2' }).region, 'eu-west-2');
    assert.equal(parse({}, {}).region, undefined);
  });

  test('does not read a bad AWS_REGION when the region input is given', () => {
    assert.equal(parse({ region: 'us-east-1' }, { AWS_REGION: 'bad' }).region, 'us-east-1');
  });

  test('reads a custom audience', () => {
    assert.equal(parse({ audience: 'https://github.com/octo-org' }).audience, 'https://github.com/octo-org');
  });

  test('reads an external id and a source identity', () => {
    const settings = parse({ 'external-id': 'tenant:42/abc=+,.@-', 'source-identity': 'jane@example.com' });
    assert.equal(settings.externalId, 'tenant:42/abc=+,.@-');
    assert.equal(settings.sourceIdentity, 'jane@example.com');
  });

  test('reads sts-endpoint from the input, then AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL', () => {
    const env = {
      AWS_ENDPOINT_URL_STS: 'https://sts.example.com',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
    };
    assert.equal(
      parse({ 'sts-endpoint': 'https://vpce.example.com/' }, env).stsEndpoint,
      'https://vpce.example.com/',
    );
    assert.equal(parse({}, env).stsEndpoint, 'https://sts.example.com');
    assert.equal(
      parse({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }).stsEndpoint,
      'http://127.0.0.1:4566',
    );
    assert.equal(parse({}, {}).stsEndpoint, undefined);
  });

  const booleans: [string, boolean][] = [
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ];
  for (const input of [
    'mask-account-id',
    'output-credentials',
    'overwrite-profile',
    'cleanup',
    'export-env',
  ]) {
    test(`reads ${input} as true or false in the YAML core spellings`, () => {
      for (const [value, expected] of booleans) {
        const settings = parse({ [input]: value }) as unknown as Record<string, unknown>;
        const field = input.replace(/-(\w)/g, (_, char: string) => char.toUpperCase());
        assert.equal(settings[field], expected, `${input}: ${value}`);
      }
    });
  }

  test('exports to the environment by default only when no profile is written', () => {
    assert.equal(parse({}).exportEnv, true);
    const role = 'arn:aws:iam::111111111111:role/a';
    assert.equal(parse({ profile: 'dev', 'role-arn': role }).exportEnv, false);
    assert.equal(parse({ profile: 'dev', 'role-arn': role, 'export-env': 'true' }).exportEnv, true);
    assert.equal(parse({ 'export-env': 'false' }).exportEnv, false);
  });
});

describe('list values', () => {
  test('reads session tags whose values contain =, spaces, other scripts, or nothing', () => {
    const settings = parse({
      'session-tags': 'Team=platform\n\nquery = a=b=c \nempty=\nProjekt=Größe 1\nCost-Center/2=:+@_.',
    });
    assert.deepEqual(settings.sessionTags, [
      { key: 'Team', value: 'platform' },
      { key: 'query', value: 'a=b=c' },
      { key: 'empty', value: '' },
      { key: 'Projekt', value: 'Größe 1' },
      { key: 'Cost-Center/2', value: ':+@_.' },
    ]);
  });

  test('accepts 50 tags of the longest key and value', () => {
    const tags = Array.from(
      { length: 50 },
      (_, i) => `${String(i).padStart(128, 'k')}=${'v'.repeat(256)}`,
    ).join('\n');
    assert.equal(parse({ 'session-tags': tags }).sessionTags.length, 50);
  });

  test('reads transitive tag keys in any case, spelled as in session-tags', () => {
    const settings = parse({ 'session-tags': 'Team=a\nProject=b', 'transitive-tag-keys': 'team\n\nPROJECT' });
    assert.deepEqual(settings.transitiveTagKeys, ['Team', 'Project']);
  });

  test('reads an inline session policy, compacted', () => {
    const policy =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*" }]\n}';
    assert.equal(
      parse({ 'inline-session-policy': policy }).inlineSessionPolicy,
      '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}',
    );
  });

  test('reads up to 10 managed policy ARNs, AWS managed or customer managed, in any partition', () => {
    const arns = [
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      'arn:aws-cn:iam::123456789012:policy/ci/deploy',
      ...Array.from({ length: 7 }, (_, i) => `arn:aws-us-gov:iam::123456789012:policy/P${i}`),
    ];
    assert.deepEqual(parse({ 'managed-session-policies': arns.join('\n') }).managedSessionPolicies, arns);
  });

  test('reads allowed account ids separated by commas, newlines or both, keeping leading zeros', () => {
    const settings = parse({ 'allowed-account-ids': '012345678901, 111122223333,\n444455556666\n' });
    assert.deepEqual(settings.allowedAccountIds, ['012345678901', '111122223333', '444455556666']);
  });
});
