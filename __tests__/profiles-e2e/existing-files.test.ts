// Shared files that already hold things: the action's write keeps every unrelated byte, and the post step
// puts both files back byte for byte. Sections that are not the action's, or no longer what it wrote, are
// left alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertClean,
  assertFailedPhase,
  commandMessages,
  deepTest,
  phaseLog,
  roleArn,
  rowsFor,
  sessionArn,
  startAwsTestServer,
} from '../../testing/e2e/index.ts';
import { type BotocoreReport, botoArn, clientEnv, sdkFiles } from './support/clients.ts';
import { LaterStepPython } from './support/later-step-python.ts';
import { awsPaths, oidcJob, runMain, runPost, SESSION_NAME } from './support/profile-steps.ts';
import { bytesOf, exists, insertedBytes, type Snapshot, seed, snapshot } from './support/shared-files.ts';

const ACCOUNT = '333333333333';
const STEP = { 'role-arn': roleArn('ci', ACCOUNT), profile: 'ci' };
const ARN = sessionArn('ci', SESSION_NAME, ACCOUNT);

const crlf = (lines: string[]): string => lines.map((line) => `${line}\r\n`).join('');
const lf = (lines: string[]): string => lines.map((line) => `${line}\n`).join('');

const CONFIG_LINES = [
  '# Team defaults: managed by hand',
  '[default]',
  'region = us-east-1',
  'output = json',
  '',
  '[profile other]',
  'region = eu-central-1',
  's3 =',
  '  max_concurrent_requests = 20',
  '  multipart_threshold = 64MB',
  '; a comment that belongs to nothing',
  '',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_registration_scopes = sso:account:access',
  '',
  '[profile sso-user]',
  'sso_session = corp',
  'sso_account_id = 123456789012',
  'sso_role_name = ReadOnly',
];
const CREDENTIALS_LINES = [
  '# personal keys',
  '[default]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '',
  '[other]',
  'aws_access_key_id = AKIAI44QH8DHBEXAMPLE',
  'aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
];

interface Fixture {
  name: string;
  files: Partial<Snapshot>;
  /** The line ending the new sections must use in each file. */
  eol: string;
}

/** `npm test` runs the first, which holds the most; the others only vary the bytes around the same write. */
const FIXTURES: Fixture[] = [
  {
    name: 'CRLF files with comments, an s3 sub-section with indented keys and an sso-session',
    files: { config: crlf(CONFIG_LINES), credentials: crlf(CREDENTIALS_LINES) },
    eol: '\r\n',
  },
  {
    name: 'LF files whose last line has no line ending',
    files: { config: lf(CONFIG_LINES).slice(0, -1), credentials: lf(CREDENTIALS_LINES).slice(0, -1) },
    eol: '\n',
  },
  { name: 'empty files', files: { config: '', credentials: '' }, eol: '\n' },
  {
    name: 'only comments and blank lines',
    files: { config: '# nothing yet\n\n', credentials: '\n; keys go here\n' },
    eol: '\n',
  },
];

/** Every profile botocore sees in the files except `ci`, as it parses them. */
function othersOf(report: BotocoreReport): unknown {
  const { credentials, config } = report.parsed;
  const { ci: _credentials, ...otherCredentials } = credentials;
  const { ci: _config, ...otherConfig } = config.profiles ?? {};
  return { credentials: otherCredentials, config: otherConfig, error: config.error ?? credentials.error };
}

let server: AwsTestServer;
/** The later steps' boto3 and AWS CLI: a Python process each, for the whole file. */
const python = new LaterStepPython();
before(async () => {
  server = await startAwsTestServer();
});
after(async () => {
  await python.close();
  await server.close();
});

describe('existing files', { concurrency: true }, () => {
  for (const fixture of rowsFor(FIXTURES)) {
    test(`${fixture.name}: the write only adds the profile's sections, and cleanup restores both files byte for byte`, {
      skip: skipOn.botocore() || skipOn.awsCli(),
    }, async (t) => {
      const job = await oidcJob(t, server);
      const paths = awsPaths(job);
      const before = await seed(paths, fixture.files);
      const env = clientEnv(job);
      const parsedBefore = await python.botocore(server, env, {});

      const main = await runMain(job, STEP);
      assertClean(main);
      const written = await snapshot(paths);
      const configAdded = insertedBytes(before.config ?? '', written.config ?? '');
      const credentialsAdded = insertedBytes(before.credentials ?? '', written.credentials ?? '');
      for (const [added, header] of [
        [configAdded, '[profile ci]'],
        [credentialsAdded, '[ci]'],
      ] as const) {
        const lines = added.split(fixture.eol).filter((line) => line !== '');
        assert.equal(lines[0], header, JSON.stringify(added));
        assert.ok(
          lines.every((line) => !line.includes('\r') && !line.includes('\n')),
          `mixed line endings in ${JSON.stringify(added)}`,
        );
      }

      const parsedAfter = await python.botocore(server, env, { profiles: ['ci', 'other'] });
      assert.equal(botoArn(parsedAfter, 'ci'), ARN);
      assert.deepEqual(othersOf(parsedAfter), othersOf(parsedBefore), 'botocore reads the rest unchanged');
      const sdk = await sdkFiles(paths);
      assert.equal(sdk.configFile.ci?.region, 'eu-west-2');
      assert.match(String(sdk.credentialsFile.ci?.aws_access_key_id), /^ASIA/);
      if (fixture.files.config?.includes('[profile other]')) {
        // The JS SDK reads the indented keys as a sub-section; botocore as one value. Both still do.
        assert.equal(sdk.configFile.other?.['s3.max_concurrent_requests'], '20');
      }

      assertClean(await runPost(job, main));
      assert.deepEqual(await snapshot(paths), before);
    });
  }

  // A third reader of the same bytes (botocore underneath, each start ~2 s of CPU): the deep tier's.
  deepTest(
    'the AWS CLI reads the profile written into CRLF files, and the s3 sub-section of another',
    {
      skip: skipOn.awsCli(),
    },
    async (t) => {
      const job = await oidcJob(t, server);
      const paths = awsPaths(job);
      const fixture = FIXTURES[0] as Fixture;
      assert.ok(fixture.files.config?.includes('[profile other]'), 'the CRLF fixture, with [profile other]');
      const before = await seed(paths, fixture.files);
      const env = clientEnv(job);
      const main = await runMain(job, STEP);
      assertClean(main);
      assert.equal(await python.awsCliCallerArn(server, 'ci', env), ARN, 'the AWS CLI reads the profile too');
      const s3 = await python.awsCli(
        ['configure', 'get', 's3.max_concurrent_requests', '--profile', 'other'],
        env,
      );
      assert.equal(s3.stdout.trim(), '20', s3.stderr);
      assertClean(await runPost(job, main));
      assert.deepEqual(await snapshot(paths), before);
    },
  );

  test('a file the job created is removed by cleanup, and one that was there stays', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, async (t) => {
    const job = await oidcJob(t, server);
    const paths = awsPaths(job);
    const before = await seed(paths, { config: crlf(CONFIG_LINES) });
    const main = await runMain(job, STEP);
    assertClean(main);
    assert.ok(await exists(paths.credentials));
    assertClean(await runPost(job, main));
    assert.deepEqual(await snapshot(paths), before);
    assert.equal(await exists(paths.credentials), false);
    assert.equal(await exists(paths.dir), true, '~/.aws was there before the job');
  });

  test('a file the job created keeps what a later step added to it, with ~/.aws', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, async (t) => {
    const job = await oidcJob(t, server);
    const paths = awsPaths(job);
    const main = await runMain(job, STEP);
    assertClean(main);
    // A later step adds its own keys with the AWS CLI, to the file this job created.
    const set = await python.awsCli(
      ['configure', 'set', 'aws_access_key_id', 'AKIAEXAMPLEMINE00000', '--profile', 'mine'],
      clientEnv(job),
    );
    assert.equal(set.code, 0, set.stderr);
    const credentials = (await bytesOf(paths.credentials)) ?? '';
    assert.match(credentials, /\[mine\]/);

    assertClean(await runPost(job, main));
    assert.equal(await bytesOf(paths.credentials), '[mine]\naws_access_key_id = AKIAEXAMPLEMINE00000\n');
    assert.equal(await exists(paths.config), false, 'the config file held only the profile: removed');
    assert.equal(await exists(paths.dir), true, '~/.aws is not empty: it stays');
  });

  test('a section someone changed after main is left alone by post, with a warning; the unchanged one goes', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, async (t) => {
    const job = await oidcJob(t, server);
    const paths = awsPaths(job);
    const before = await seed(paths, { config: lf(CONFIG_LINES), credentials: lf(CREDENTIALS_LINES) });
    const main = await runMain(job, STEP);
    assertClean(main);
    // A later step changes the profile's region with the AWS CLI, which rewrites the config section.
    const set = await python.awsCli(
      ['configure', 'set', 'region', 'ap-south-1', '--profile', 'ci'],
      clientEnv(job),
    );
    assert.equal(set.code, 0, set.stderr);
    const changed = await bytesOf(paths.config);
    assert.match(changed ?? '', /region = ap-south-1/);

    const post = await runPost(job, main);
    assert.equal(post.exitCode, 0, phaseLog(post));
    const warnings = commandMessages(post, 'warning');
    assert.equal(warnings.length, 1, phaseLog(post));
    assert.match(warnings[0] ?? '', /profile 'ci' in .*config.* changed after assume-aws-role wrote it/);
    assert.doesNotMatch(
      post.stdout,
      /removed the profiles this step wrote/,
      'post does not claim it removed all',
    );
    assert.equal(await bytesOf(paths.config), changed, 'the changed config is left as it is');
    assert.equal(await bytesOf(paths.credentials), before.credentials, 'the unchanged [ci] keys are removed');
  });

  test('cleanup: false keeps the profiles after the job, and says so', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, async (t) => {
    const job = await oidcJob(t, server);
    const paths = awsPaths(job);
    await seed(paths, { config: crlf(CONFIG_LINES), credentials: crlf(CREDENTIALS_LINES) });
    const main = await runMain(job, { ...STEP, cleanup: 'false' });
    assertClean(main);
    const written = await snapshot(paths);
    const post = await runPost(job, main);
    assertClean(post);
    assert.match(post.stdout, /cleanup is false/);
    assert.deepEqual(await snapshot(paths), written);
    assert.equal(botoArn(await python.botocore(server, clientEnv(job), { profiles: ['ci'] }), 'ci'), ARN);
  });

  // The same refusal in either file: `npm test` runs the credentials file's.
  for (const [where, files] of rowsFor([
    [
      'credentials file',
      {
        config: lf(CONFIG_LINES),
        credentials: lf([
          ...CREDENTIALS_LINES,
          '[ci]',
          'aws_access_key_id = AKIAOTHERS0000000000',
          'aws_secret_access_key = theirs',
        ]),
      },
    ],
    [
      'config file',
      {
        config: lf([...CONFIG_LINES, '[profile ci]', 'region = sa-east-1']),
        credentials: lf(CREDENTIALS_LINES),
      },
    ],
  ] as const)) {
    test(`a profile section in the ${where} that the action did not write is refused, and nothing is written`, {
      skip: skipOn.botocore() || skipOn.awsCli(),
    }, async (t) => {
      const job = await oidcJob(t, server);
      const paths = awsPaths(job);
      const before = await seed(paths, files);
      const main = await runMain(job, STEP);
      const error = assertFailedPhase(main);
      assert.match(error, /was not written by assume-aws-role/);
      assert.match(error, /overwrite-profile: true/);
      assert.equal(main.outputs.profiles, undefined);
      assert.deepEqual(await snapshot(paths), before, 'neither file changed');
      const post = await runPost(job, main);
      assertClean(post);
      assert.deepEqual(await snapshot(paths), before);
    });
  }

  test('overwrite-profile: true replaces a foreign section in place; cleanup removes it and does not bring the old one back', {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, async (t) => {
    const job = await oidcJob(t, server);
    const paths = awsPaths(job);
    const theirs = ['[ci]', 'aws_access_key_id = AKIAOTHERS0000000000', 'aws_secret_access_key = theirs'];
    const before = await seed(paths, {
      config: crlf(CONFIG_LINES),
      credentials: crlf([...CREDENTIALS_LINES.slice(0, 5), ...theirs, '', ...CREDENTIALS_LINES.slice(5)]),
    });
    const main = await runMain(job, { ...STEP, 'overwrite-profile': 'true' });
    assert.equal(main.exitCode, 0, phaseLog(main));
    const written = (await bytesOf(paths.credentials)) ?? '';
    assert.doesNotMatch(written, /AKIAOTHERS/);
    assert.ok(written.indexOf('[ci]') < written.indexOf('[other]'), 'replaced where it was');
    assert.equal(botoArn(await python.botocore(server, clientEnv(job), { profiles: ['ci'] }), 'ci'), ARN);

    assertClean(await runPost(job, main));
    // The old keys were never kept anywhere (the state holds hashes only), so the profile is simply gone.
    assert.deepEqual(await snapshot(paths), {
      config: before.config,
      credentials: crlf([...CREDENTIALS_LINES.slice(0, 5), '', ...CREDENTIALS_LINES.slice(5)]),
    });
    assert.doesNotMatch(JSON.stringify(main.state), /AKIAOTHERS|theirs/);
  });
});

test('a write into files the action cannot parse safely fails the step and leaves them alone', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const job = await oidcJob(t, server);
  const paths = awsPaths(job);
  // A profile with two sections: botocore refuses the whole file, the SDK merges them; which one to edit?
  const before = await seed(paths, {
    config: lf(CONFIG_LINES),
    credentials: lf([...CREDENTIALS_LINES, '[ci]', 'aws_access_key_id = A', '[ci]', 'aws_access_key_id = B']),
  });
  const main = await runMain(job, { ...STEP, 'overwrite-profile': 'true' });
  assert.match(assertFailedPhase(main), /profile 'ci' has 2 sections/);
  assertClean(await runPost(job, main));
  assert.deepEqual(await snapshot(paths), before);
});
