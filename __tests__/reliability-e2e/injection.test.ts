// Values built to break out of where they are written: line breaks, `%` escapes, `::` workflow commands,
// heredoc-like delimiters, shell metacharacters and Unicode line separators. Each is refused naming its input,
// or carried through exactly, and never becomes a workflow command, a file command or a profile line.
// `npm test` runs one refusal and one case per place a value is carried to (STS, the shared files, a
// credential_process); the other refusals, the audience and the inline policy run in the deep tier.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { skipOn } from '../../__fixtures__/platform.ts';
import { readWithBotocore, readWithSdk } from '../../__fixtures__/profiles/shared-file-readers.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertFailed,
  assertSucceeded,
  callsTo,
  deepTest,
  imdsEnv,
  jobEnv,
  oidcEnv,
  phaseLog,
  roleArn,
  rowsFor,
  runStep,
  type StepRun,
  withJob,
} from '../../testing/e2e/index.ts';
import type { PhaseResult } from '../../testing/runner-harness/index.ts';
import { PYTHON } from '../../testing/system-tools.ts';

const run = promisify(execFile);
/** The workflow commands the action may issue; anything else in its output was injected. */
const OWN_COMMANDS = new Set(['add-mask', 'debug', 'notice', 'warning', 'error']);
const LS = '\u2028'; // LINE SEPARATOR: a letter-like "space" (\p{Z}) to STS, a line break to some readers
const IDEOGRAPHIC_SPACE = '\u3000';

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
afterEach(() => server.faults.clear());
after(() => server.close());

const keyInputs = () => ({
  source: 'keys',
  'aws-access-key-id': server.identities.user.accessKeyId,
  'aws-secret-access-key': server.identities.user.secretAccessKey,
});
const step = (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepRun> =>
  withJob({ ...jobEnv(server), ...env }, (job) => runStep(server, job, inputs));

/** Every line the runner would read as a command is one the action means to issue. */
function assertNoInjectedCommands(phase: PhaseResult): void {
  for (const line of [...phase.stdout.split('\n'), ...phase.stderr.split('\n')]) {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('::')) continue;
    const name = /^::([^\s:]*)/.exec(trimmed)?.[1] ?? '';
    assert.ok(OWN_COMMANDS.has(name), `injected command line: ${line}`);
  }
  assert.ok(!phase.commands.some((command) => !OWN_COMMANDS.has(command.name)));
}

/** GITHUB_ENV and GITHUB_OUTPUT are written only as heredocs with random delimiters, never `NAME=value`. */
function assertHeredocsOnly(phase: PhaseResult): void {
  for (const [file, text] of [
    ['GITHUB_ENV', phase.files.env],
    ['GITHUB_OUTPUT', phase.files.output],
  ]) {
    const headers = (text ?? '').split('\n').filter((line) => /^[A-Za-z_][\w-]*<</.test(line));
    const delimiters = headers.map((line) => line.slice(line.indexOf('<<') + 2));
    assert.ok(
      delimiters.every((delimiter) => /^ghadelimiter_[0-9a-f-]{36}$/.test(delimiter)),
      `${file}: ${headers}`,
    );
    assert.equal(new Set(delimiters).size, delimiters.length, `${file}: a delimiter is reused`);
  }
}

describe('refused, naming the input, before anything is sent or handed on', {
  skip: skipOn.botocore() || skipOn.posixShell(),
}, () => {
  const rows: [string, string, Record<string, string>][] = [
    [
      'external-id',
      'a line break and a set-env command',
      { 'external-id': 'id\n::set-env name=INJECTED::1' },
    ],
    ['external-id', 'a %0A escape', { 'external-id': 'id%0A::set-env name=INJECTED::1' }],
    ['session-name', 'a line break and an add-mask', { 'session-name': 'run\n::add-mask::run' }],
    [
      'profile',
      'a line break and a credential_process line',
      { profile: 'dev\ncredential_process = sh -c id' },
    ],
    ['profile', 'a CR alone', { profile: 'dev\r[evil]' }],
    ['profiles', "a ']' and a second section", { profiles: `dev]\n[evil: ${roleArn('x')}` }],
    ['audience', 'a line break and stop-commands', { audience: 'sts.amazonaws.com\n::stop-commands::x' }],
    ['session-tags', 'a command substitution', { 'session-tags': 'team=$(touch /tmp/pwned)' }],
    ['session-tags', 'quotes and a semicolon', { 'session-tags': "team=a'; touch /tmp/pwned; '" }],
    ['session-tags', 'a backtick', { 'session-tags': 'team=`id`' }],
    ['session-tags', 'a % escape', { 'session-tags': 'team=a%0A::set-env name=INJECTED::1' }],
    ['region', 'a heredoc opener', { region: 'us-east-1<<EOF' }],
    ['aws-session-token', 'a line break and a variable', { 'aws-session-token': 'token\nAWS_PROFILE=evil' }],
  ];
  // The rules are the unit tables' (__tests__/settings); `npm test` keeps the row whose error quotes the value,
  // so the one `::error::` line itself carries a `%` escape and a `::` command.
  const kept = ([input, what]: (typeof rows)[number]) => input === 'session-tags' && what === 'a % escape';
  for (const [input, what, inputs] of rowsFor(rows, kept)) {
    test(`${input} with ${what}`, { skip: skipOn.botocore() || skipOn.posixShell() }, async () => {
      const result = await step({ ...keyInputs(), 'role-arn': roleArn('deploy'), ...inputs });
      const error = assertFailed(result);
      assert.ok(error.startsWith(`Input '${input}': `), error);
      assert.deepEqual(result.requests, []);
      assertNoInjectedCommands(result.main);
    });
  }
});

describe('accepted, and carried exactly', { skip: skipOn.botocore() || skipOn.posixShell() }, () => {
  test('an external id and session tags made of workflow commands reach STS as they are', {
    skip: skipOn.botocore() || skipOn.posixShell(),
  }, async () => {
    const tags = [
      '::stop-commands::pwned=::set-env name=INJECTED::1',
      `lines=a${LS}::set-env name=INJECTED::1${LS}b`,
      `spaced=${IDEOGRAPHIC_SPACE}::add-mask::x =y`,
    ];
    const result = await step({
      ...keyInputs(),
      'role-arn': roleArn('deploy'),
      'external-id': '::stop-commands::pwned',
      'session-tags': tags.join('\n'),
      'transitive-tag-keys': '::stop-commands::pwned',
    });
    assertSucceeded(result);
    assertNoInjectedCommands(result.main);
    assertHeredocsOnly(result.main);
    const [call] = callsTo(result.requests, 'sts', 'AssumeRole');
    assert.equal(call?.params.ExternalId, '::stop-commands::pwned');
    assert.equal(call?.params['Tags.member.1.Key'], '::stop-commands::pwned');
    assert.equal(call?.params['Tags.member.1.Value'], '::set-env name=INJECTED::1');
    assert.equal(call?.params['Tags.member.2.Value'], `a${LS}::set-env name=INJECTED::1${LS}b`);
    assert.equal(call?.params['Tags.member.3.Value'], `${IDEOGRAPHIC_SPACE}::add-mask::x =y`.trim());
    assert.equal(call?.params['TransitiveTagKeys.member.1'], '::stop-commands::pwned');
    assert.deepEqual(Object.keys(result.main.exported).sort(), [
      'AWS_ACCESS_KEY_ID',
      'AWS_CREDENTIAL_EXPIRATION',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
    ]);
    // What was handed on parses back to exactly what STS issued (and the step masked).
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      assert.ok(result.main.masks.includes(result.main.exported[name] ?? '-'), name);
    }
  });

  deepTest(
    'an audience made of a workflow command reaches the token endpoint and STS as it is',
    {
      skip: skipOn.botocore() || skipOn.posixShell(),
    },
    async () => {
      const audience = '::stop-commands::pwned';
      server.configureRole(roleArn('odd-audience'), { webIdentityAudience: audience });
      const result = await step(
        { source: 'oidc', audience, 'role-arn': roleArn('odd-audience') },
        oidcEnv(server),
      );
      assertSucceeded(result);
      assertNoInjectedCommands(result.main);
      assert.equal(callsTo(result.requests, 'oidc', 'token')[0]?.params.audience, audience);
      assert.equal(callsTo(result.requests, 'sts')[0]?.params['WebIdentityToken.aud'], audience);
    },
  );

  deepTest(
    'an inline policy spread over lines, with commands and escapes in its strings, is sent compacted',
    {
      skip: skipOn.botocore() || skipOn.posixShell(),
    },
    async () => {
      const policy = [
        '{',
        '"Version": "2012-10-17",',
        '"Statement": [{"Sid": "x", "Effect": "Allow", "Action": "s3:GetObject",',
        '"Resource": "arn:aws:s3:::b/::set-env name=INJECTED::1/%0A%25/<<EOF"}]',
        '}',
      ].join('\n');
      const result = await step({
        ...keyInputs(),
        'role-arn': roleArn('deploy'),
        'inline-session-policy': policy,
      });
      assertSucceeded(result);
      assertNoInjectedCommands(result.main);
      const sent = callsTo(result.requests, 'sts', 'AssumeRole')[0]?.params.Policy ?? '';
      assert.equal(sent, JSON.stringify(JSON.parse(policy)));
    },
  );

  test('shared-file paths from the environment holding a line break, a command and the legacy ##[ form are logged inert', {
    skip: process.platform === 'win32' ? 'a line break cannot be part of a Windows path' : false,
  }, async () => {
    await withJob({ ...jobEnv(server) }, async (job) => {
      const dir = join(job.home, 'odd\n::error::from-a-path ##[error]legacy');
      const result = await runStep(
        server,
        job,
        { ...keyInputs(), 'role-arn': roleArn('deploy'), profile: 'odd-paths', cleanup: 'false' },
        { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') },
      );
      assertSucceeded(result);
      assertNoInjectedCommands(result.main);
      assert.ok(!result.main.stdout.includes('##[error]'), 'the legacy form is defused');
      assert.match(result.main.stdout, /wrote profile\(s\) odd-paths to ".*odd\\n:\\u003aerror/);
    });
  });

  test('profile names made of escapes, commands and delimiters are written, read and reported exactly', {
    skip: skipOn.botocore() || skipOn.posixShell(),
  }, async () => {
    const names = ['p%0A::stop-commands::x', 'EOF', 'ghadelimiter_1', 'a%25b', '::add-mask::y'];
    await withJob({ ...jobEnv(server) }, async (job) => {
      const result = await runStep(server, job, {
        ...keyInputs(),
        region: 'us-west-2',
        profiles: names.map((name) => `${name}: ${roleArn('deploy')}`).join('\n'),
        cleanup: 'false',
      });
      assertSucceeded(result);
      assertNoInjectedCommands(result.main);
      assertHeredocsOnly(result.main);
      const reported = JSON.parse(result.main.outputs.profiles ?? '[]') as { name: string }[];
      assert.deepEqual(
        reported.map((profile) => profile.name),
        names,
      );
      const credentials = join(job.home, '.aws', 'credentials');
      const config = join(job.home, '.aws', 'config');
      const [botocore] = readWithBotocore([{ credentials, config, resolve: names }]);
      const sdk = await readWithSdk(credentials, config);
      for (const name of names) {
        assert.ok(Array.isArray(botocore?.resolved[name]), `botocore resolves ${name}`);
        assert.equal(sdk.credentialsFile[name]?.aws_access_key_id, botocore?.resolved[name]?.[0]);
        assert.equal(sdk.configFile[name]?.region, 'us-west-2');
      }
      // Only these profiles and their marker lines: nothing was split into extra lines or sections.
      const headers = (await readFile(credentials, 'utf8'))
        .split('\n')
        .filter((line) => line.startsWith('['));
      assert.deepEqual(
        headers,
        names.map((name) => `[${name}]`),
      );
    });
  });

  test('a refreshing profile carries odd tag values into credential_process as one argument, for sh and for shlex', {
    skip: skipOn.botocore() || skipOn.posixShell(),
  }, async () => {
    const value = `a${LS}b${IDEOGRAPHIC_SPACE}c ::set-env name=INJECTED::1 =:/+-@`;
    await withJob({ ...jobEnv(server), ...imdsEnv(server) }, async (job) => {
      const result = await runStep(server, job, {
        source: 'imds',
        'role-arn': roleArn('deploy'),
        profile: 'refreshing',
        refresh: 'true',
        'session-tags': `odd=${value}`,
        cleanup: 'false',
      });
      assertSucceeded(result);
      assertNoInjectedCommands(result.main);
      const credentials = join(job.home, '.aws', 'credentials');
      const config = join(job.home, '.aws', 'config');
      const [botocore] = readWithBotocore([{ credentials, config }]);
      const sdk = await readWithSdk(credentials, config);
      const command = botocore?.config.profiles.refreshing?.credential_process as string;
      assert.equal(sdk.configFile.refreshing?.credential_process, command, 'both parsers read one command');
      const configLines = (await readFile(config, 'utf8')).split('\n');
      assert.equal(configLines.filter((line) => line.startsWith('credential_process')).length, 1);

      // botocore splits the command with shlex; the JS SDK hands it to sh.
      const shlex = await run(PYTHON, [
        '-c',
        'import json,shlex,sys; print(json.dumps(shlex.split(sys.argv[1])))',
        command,
      ]);
      const sh = await run('/bin/sh', ['-c', `set -- ${command}; printf '%s\\0' "$@"`]);
      const shArgs = sh.stdout.split('\0').slice(0, -1);
      assert.deepEqual(JSON.parse(shlex.stdout), shArgs, 'sh and shlex see the same arguments');
      const tag = shArgs.indexOf('--tag');
      assert.equal(shArgs[tag + 1], `odd=${value}`, phaseLog(result.main));
    });
  });
});
