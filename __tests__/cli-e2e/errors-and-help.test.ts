import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import type { Fault } from '../../testing/aws-test-server/index.ts';
import {
  CLI,
  deepTest,
  freshHome,
  NODE,
  rowsFor,
  runCli,
  runProcess,
  secretsIn,
} from '../../testing/e2e/index.ts';
import { ROLE_ARN, withFakeAws } from './support/fake-aws.ts';

const DENIED_ROLE = 'arn:aws:iam::333333333333:role/denied';

interface ErrorCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly code: number;
  readonly stderr: RegExp;
  /** Usage errors are found before any request. */
  readonly noRequest?: true;
  readonly faults?: readonly Fault[];
  readonly env?: Record<string, string>;
}

/** Retries that end at once: two attempts, a 300 ms request timeout. */
const FAST_GIVE_UP = { AWS_MAX_ATTEMPTS: '2', ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS: '300' };

const ERROR_CASES: readonly ErrorCase[] = [
  {
    name: 'an unknown option exits 2 with a suggestion and the help hint',
    args: ['--rol-arn', ROLE_ARN],
    code: 2,
    stderr: /Unknown option --rol-arn\. Did you mean --role-arn\?\nRun 'assume-aws-role --help' for usage\./,
    noRequest: true,
  },
  {
    name: 'a bad input value exits 2 naming the input',
    args: ['--source', 'env', '--role-arn', ROLE_ARN, '--duration', 'abc'],
    code: 2,
    stderr: /assume-aws-role: --duration: /,
    noRequest: true,
  },
  {
    name: 'a profile to write together with a format to print exits 2',
    args: ['--source', 'env', '--role-arn', ROLE_ARN, '--profile', 'deploy', '--format', 'json'],
    code: 2,
    stderr: /--profile writes the credentials to the shared files, so --format has nothing to print/,
    noRequest: true,
  },
  {
    name: 'a source that cannot give credentials exits 3',
    args: ['--source-profile', 'missing', '--role-arn', ROLE_ARN],
    code: 3,
    stderr: /Source 'profile': could not get credentials from profile 'missing'/,
  },
  {
    name: 'STS refusing a hop exits 4 with the diagnosis',
    args: ['--source', 'env', '--role-arn', `${ROLE_ARN} -> ${DENIED_ROLE}`],
    code: 4,
    stderr: /AccessDenied[\s\S]*Fix: /,
  },
  {
    name: 'STS throttling every attempt exits 5, not 4',
    args: ['--source', 'env', '--role-arn', ROLE_ARN],
    code: 5,
    stderr: /Throttling/,
    faults: [{ target: 'sts', kind: 'throttle', count: 10 }],
    env: FAST_GIVE_UP,
  },
  {
    name: 'STS not answering in time exits 5, not 4',
    args: ['--source', 'env', '--role-arn', ROLE_ARN],
    code: 5,
    stderr: /hop 1 of 1/,
    faults: [{ target: 'sts', kind: 'hang', count: 10 }],
    env: FAST_GIVE_UP,
  },
];

/** `npm test` runs the first case of each exit status; the deep tier runs every case. */
const firstOfItsStatus = (row: ErrorCase, index: number) =>
  ERROR_CASES.findIndex((other) => other.code === row.code) === index;

describe('errors, help and version', { concurrency: true }, () => {
  for (const errorCase of rowsFor(ERROR_CASES, firstOfItsStatus)) {
    test(`${errorCase.name}, with no secret on stderr even when verbose`, () =>
      withFakeAws(async (aws, home) => {
        aws.server.configureRole(DENIED_ROLE, { denyCallers: 'all' });
        for (const fault of errorCase.faults ?? []) aws.server.faults.inject(fault);
        const env = { ...home.env, ...aws.userEnv, ASSUME_AWS_ROLE_DEBUG: '1', ...errorCase.env };
        const result = await runCli([...errorCase.args, ...aws.stsArgs], env);

        assert.equal(result.code, errorCase.code, result.stderr);
        assert.match(result.stderr, errorCase.stderr);
        assert.equal(result.stdout, '');
        if (errorCase.noRequest) assert.equal(aws.server.requests.length, 0);
        const userSecret = aws.server.identities.user.secretAccessKey;
        assert.deepEqual(secretsIn(result.stderr, [userSecret]), []);
      }));
  }

  // The help text is a unit test (parse-args); `npm test` runs -h from the built entry chunk below.
  deepTest('--help prints the options, examples and exit statuses', async () => {
    // A throwaway cache home: the CLI's compile cache must not land in the developer's own ~/.cache.
    const result = await runCli(['--help'], {
      PATH: process.env.PATH ?? '',
      XDG_CACHE_HOME: `${tmpdir()}/assume-aws-role-test-cache`,
    });

    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: assume-aws-role/);
    assert.match(result.stdout, /Examples:\n[\s\S]*eval "\$\(assume-aws-role/);
    assert.match(result.stdout, /credential_process = assume-aws-role --format process --cache/);
    assert.match(
      result.stdout,
      /Exit status:\n {2}0 {4}success\n {2}2 {4}usage error[\s\S]*3 {4}the source failed[\s\S]*4 {4}STS refused/,
    );
    assert.equal(result.stderr, '');
  });

  test('--help and --version load none of the run code: they work from the entry chunk alone', async () => {
    const home = await freshHome();
    try {
      // Only dist/cli.js and dist/cli/{start,index}.js: the SDK and the rest live in lazily loaded chunks.
      await mkdir(join(home.home, 'dist', 'cli'), { recursive: true });
      await copyFile(CLI, join(home.home, 'dist', 'cli.js'));
      for (const file of ['start.js', 'index.js', 'package.json']) {
        await copyFile(join(dirname(CLI), 'cli', file), join(home.home, 'dist', 'cli', file));
      }
      const entry = join(home.home, 'dist', 'cli.js');
      const version = await runProcess(NODE, [entry, '--version'], home.env);
      const help = await runProcess(NODE, [entry, '-h'], home.env);

      assert.equal(version.code, 0, version.stderr);
      assert.equal(version.stdout, `${packageJson.version}\n`);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, /^Usage: /);
    } finally {
      await home.remove();
    }
  });
});
