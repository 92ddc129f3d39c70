import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HELP_TEXT, parseCliArgs, UsageError } from '../../src/cli/args/parse-args.ts';
import { EXIT_USAGE, exitCodeForError } from '../../src/cli/exit-codes.ts';

const ARN = 'arn:aws:iam::123456789012:role/deploy';
const HUB = 'arn:aws:iam::111111111111:role/hub';

test('with no options it prints sh credentials from the automatic source', () => {
  assert.deepEqual(parseCliArgs([]), { kind: 'run', inputs: {}, format: 'sh' });
});

test('each option mirrors its action input, in both --opt value and --opt=value forms', () => {
  const argv = [
    '--role-arn',
    ARN,
    '--source=imds',
    '--session-name',
    'me',
    '--duration=1h',
    '--region',
    'eu-west-1',
    '--external-id',
    'ext',
    '--source-identity',
    'alice',
    '--profile',
    'deploy',
    '--policy',
    '{"Version":"2012-10-17"}',
    '--sts-endpoint',
    'https://sts.example.test',
    '--audience',
    'sts.amazonaws.com',
    '--web-identity-token-file',
    '/tmp/token',
    '--overwrite-profile',
  ];
  const command = parseCliArgs(argv);
  assert.equal(command.kind, 'run');
  assert.deepEqual(command.inputs, {
    'role-arn': ARN,
    source: 'imds',
    'session-name': 'me',
    duration: '1h',
    region: 'eu-west-1',
    'external-id': 'ext',
    'source-identity': 'alice',
    profile: 'deploy',
    'inline-session-policy': '{"Version":"2012-10-17"}',
    'sts-endpoint': 'https://sts.example.test',
    audience: 'sts.amazonaws.com',
    'web-identity-token-file': '/tmp/token',
    'overwrite-profile': 'true',
  });
});

test('repeatable options are joined by newlines, in the order given', () => {
  const command = parseCliArgs([
    '--role-arn',
    `${HUB} -> ${ARN}`,
    '--role-arn',
    ARN,
    '--tag',
    'team=infra',
    '--tag=env=prod',
    '--transitive-tag-key',
    'team',
    '--transitive-tag-key',
    'env',
    '--policy-arn',
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    '--policy-arn',
    'arn:aws:iam::aws:policy/job',
    '--profiles',
    `a: ${ARN}`,
    '--profiles',
    `b: ${HUB}`,
    '--allowed-account-ids',
    '123456789012,111111111111',
    '--allowed-account-ids',
    '222222222222',
  ]);
  assert.equal(command.kind, 'run');
  assert.deepEqual(command.inputs, {
    'role-arn': `${HUB} -> ${ARN}\n${ARN}`,
    'session-tags': 'team=infra\nenv=prod',
    'transitive-tag-keys': 'team\nenv',
    'managed-session-policies': 'arn:aws:iam::aws:policy/ReadOnlyAccess\narn:aws:iam::aws:policy/job',
    profiles: `a: ${ARN}\nb: ${HUB}`,
    'allowed-account-ids': '123456789012,111111111111\n222222222222',
  });
});

test('--source-profile starts from that profile, with its MFA device and code', () => {
  assert.deepEqual(
    parseCliArgs(['--source-profile', 'dev', '--mfa-serial', 'arn:aws:iam::1:mfa/me', '--mfa-code=123456']),
    {
      kind: 'run',
      inputs: { source: 'profile' },
      format: 'sh',
      sourceProfile: 'dev',
      mfaSerial: 'arn:aws:iam::1:mfa/me',
      mfaCode: '123456',
    },
  );
  assert.equal(parseCliArgs(['--source', 'profile', '--source-profile', 'dev']).kind, 'run');
});

test('everything after -- is the command, options included', () => {
  const command = parseCliArgs(['--role-arn', ARN, '--', 'terraform', 'plan', '--', '-h', '--role-arn']);
  assert.deepEqual(command, {
    kind: 'run',
    inputs: { 'role-arn': ARN },
    format: 'sh',
    command: ['terraform', 'plan', '--', '-h', '--role-arn'],
  });
});

test('--format process --cache asks for a cached credential_process', () => {
  assert.deepEqual(parseCliArgs(['--format', 'process', '--cache', '--role-arn', ARN]), {
    kind: 'run',
    inputs: { 'role-arn': ARN },
    format: 'process',
    credentialProcessCache: true,
  });
});

test('every format is accepted by name', () => {
  for (const format of ['sh', 'fish', 'pwsh', 'cmd', 'json', 'dotenv', 'process']) {
    assert.deepEqual(parseCliArgs([`--format=${format}`]), { kind: 'run', inputs: {}, format });
  }
});

test('a value may start with - when written with =, and may be empty', () => {
  const command = parseCliArgs(['--external-id=-abc', '--region=']);
  assert.equal(command.kind, 'run');
  assert.deepEqual(command.inputs, { 'external-id': '-abc', region: '' });
});

test('an inline policy may span lines, as a JSON document read from a file would', () => {
  const policy = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
  const command = parseCliArgs(['--policy', policy]);
  assert.equal(command.kind, 'run');
  assert.deepEqual(command.inputs, { 'inline-session-policy': policy });
});

test('help and version win as soon as they are reached', () => {
  assert.deepEqual(parseCliArgs(['--help']), { kind: 'help' });
  assert.deepEqual(parseCliArgs(['--role-arn', ARN, '-h', '--bogus']), { kind: 'help' });
  assert.deepEqual(parseCliArgs(['-V']), { kind: 'version' });
  assert.deepEqual(parseCliArgs(['--version']), { kind: 'version' });
  assert.deepEqual(parseCliArgs(['--', '--help']).kind, 'run');
});

const USAGE_ERRORS: [string, string[], RegExp][] = [
  [
    'an unknown option, suggesting the near one',
    ['--role-ar', ARN],
    /Unknown option --role-ar\. Did you mean --role-arn\?/,
  ],
  ['an unknown option with no near one', ['--frobnicate'], /Unknown option --frobnicate\.$/m],
  ['an unknown short option', ['-x'], /Unknown option '-x'/],
  ['a stray argument', ['terraform'], /Unexpected argument 'terraform'.*after --/],
  ['a missing value at the end', ['--role-arn'], /--role-arn needs a value, but nothing followed it/],
  [
    'an option where a value should be',
    ['--role-arn', '--region', 'x'],
    /--role-arn needs a value.*'--region'.*--role-arn=VALUE/,
  ],
  ['a value for a flag', ['--cache=yes'], /--cache takes no value/],
  ['a value for help', ['--help=yes'], /--help takes no value/],
  // A secret given where an option or a value was expected is never repeated.
  [
    'a passphrase starting with - after its option',
    ['--private-key-passphrase', '-S3cretPassphrase-that-is-long'],
    /--private-key-passphrase needs a value, but it was followed by argument 2 \(not shown: it may be the secret\)/,
  ],
  [
    'a short passphrase starting with - after its option',
    ['--private-key-passphrase', '-Hunter2-secret'],
    /followed by argument 2 \(not shown: it may be the secret\)/,
  ],
  [
    'an option name after a plain option, which is shown',
    ['--region', '--bogus'],
    /--region needs a value, but it was followed by '--bogus'/,
  ],
  [
    'a PEM key as a stray argument',
    ['-----BEGIN PRIVATE KEY-----\nMIIEvQ'],
    /^Unknown option argument 1 \(\d+ characters, not shown\)\.$/m,
  ],
  [
    'a secret key as a stray argument',
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    /argument 1 \(40 characters/,
  ],
  [
    'a secret after = on a flag',
    ['--cache=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    /--cache takes no value \(got argument 1 \(40/,
  ],
  [
    'a single-valued option given twice',
    ['--region', 'a', '--region', 'b'],
    /--region was given more than once/,
  ],
  ['a line break inside a repeatable value', ['--tag', 'a=b\nc=d'], /--tag contains a line break/],
  [
    'an unknown format',
    ['--format', 'bash'],
    /Unknown format 'bash'.*sh, fish, pwsh, cmd, json, dotenv, process/,
  ],
  [
    '--source-profile with another source',
    ['--source', 'imds', '--source-profile', 'dev'],
    /--source says 'imds'/,
  ],
  ['--cache without --format process', ['--cache'], /--cache applies only with --format process/],
  [
    '--cache with another format',
    ['--format', 'json', '--cache'],
    /--cache applies only with --format process/,
  ],
  ['nothing after --', ['--role-arn', ARN, '--'], /Nothing follows --/],
  ['--format with a command', ['--format', 'json', '--', 'aws'], /--format has no effect with a command/],
  [
    '--cache with a command',
    ['--cache', '--', 'aws'],
    /--cache applies to --format process, not to a command/,
  ],
  [
    '--profile with --format',
    ['--role-arn', ARN, '--profile', 'deploy', '--format', 'json'],
    /--profile writes the credentials to the shared files, so --format has nothing to print/,
  ],
  [
    '--profiles with --format',
    ['--role-arn', ARN, '--profiles', 'deploy', '--format', 'sh'],
    /--profiles writes the credentials to the shared files, so --format has nothing to print/,
  ],
  [
    '--profile with a command',
    ['--role-arn', ARN, '--profile', 'deploy', '--', 'aws'],
    /--profile writes the credentials to the shared files and runs nothing: drop the command after --/,
  ],
];

for (const [what, argv, message] of USAGE_ERRORS) {
  test(`refuses ${what}, with a hint to --help and exit status 2`, () => {
    assert.throws(
      () => parseCliArgs(argv),
      (error: unknown) =>
        error instanceof UsageError &&
        message.test(error.message) &&
        error.message.endsWith("Run 'assume-aws-role --help' for usage.") &&
        exitCodeForError(error) === EXIT_USAGE,
    );
  });
}

test('the help text shows each option, the examples and the exit statuses', () => {
  for (const option of [
    '--role-arn',
    '--source-profile',
    '--mfa-serial',
    '--format',
    '--cache',
    '--tag',
    '--policy-arn',
  ]) {
    assert.ok(HELP_TEXT.includes(option), option);
  }
  assert.match(HELP_TEXT, /eval "\$\(assume-aws-role --role-arn arn:aws:iam::123456789012:role\/deploy\)"/);
  assert.match(HELP_TEXT, /--format fish .*\| source/);
  assert.match(HELP_TEXT, /--format pwsh .*\| Invoke-Expression/);
  assert.match(HELP_TEXT, /-- terraform plan/);
  assert.match(HELP_TEXT, /credential_process = assume-aws-role --format process/);
  assert.match(HELP_TEXT, /--source imds/);
  for (const status of [
    /^ {2}0 +success/m,
    /^ {2}2 +usage error/m,
    /^ {2}3 +the source failed/m,
    /^ {2}4 +STS refused/m,
    /^ {2}1 +anything else/m,
    /128 \+ N/,
  ]) {
    assert.match(HELP_TEXT, status);
  }
});
