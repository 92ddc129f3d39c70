import assert from 'node:assert/strict';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { skipOn } from '../../__fixtures__/platform.ts';
import { parseActionSettings } from '../../src/action/action-settings.ts';
import { refreshCommand } from '../../src/action/refresh-command.ts';
import { AWS_CLI, CLI, NODE, PYTHON, rowsFor, runCli, runProcess } from '../../testing/e2e/index.ts';
import {
  ASSUMED_ARN,
  cachedProcessArgs,
  REGION,
  ROLE_ARN,
  SESSION_NAME,
  withFakeAws,
} from './support/fake-aws.ts';

/** The credential_process line the action writes for a refreshing profile, built by its own code. */
function actionRefreshLine(stsEndpoint: string): string {
  const inputs: Record<string, string> = {
    'role-arn': ROLE_ARN,
    'session-name': SESSION_NAME,
    duration: '3600',
    region: REGION,
    'sts-endpoint': stsEndpoint,
  };
  const settings = parseActionSettings((name) => inputs[name] ?? '', {}, { defaultSessionName: 'unused' });
  const runtime = { nodePath: NODE, cliPath: CLI, source: 'container', platform: process.platform };
  return refreshCommand(settings, { name: 'p', roleArns: [] }, runtime).line;
}

/** The credential cache's files. */
async function cacheEntries(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  return names.filter((name) => name.endsWith('.json'));
}

/** Real clients that run a credential_process, the cheapest first: `npm test` runs it, the deep tier each. */
const CLIENTS = [
  {
    name: 'botocore',
    skip: skipOn.botocore,
    arn: async (endpoint: string, env: Record<string, string>) => {
      const python = `import boto3; print(boto3.Session(profile_name='p').client('sts', endpoint_url='${endpoint}', region_name='${REGION}').get_caller_identity()['Arn'])`;
      const result = await runProcess(PYTHON, ['-c', python], env);
      assert.equal(result.code, 0, result.stderr);
      return result.stdout.trim();
    },
  },
  {
    name: 'the AWS CLI',
    skip: skipOn.awsCli,
    arn: async (endpoint: string, env: Record<string, string>) => {
      const args = [
        'sts',
        'get-caller-identity',
        '--profile',
        'p',
        '--endpoint-url',
        endpoint,
        '--region',
        REGION,
      ];
      const result = await runProcess(AWS_CLI, args, env);
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout).Arn;
    },
  },
];

describe('credential_process', { concurrency: true }, () => {
  const clients = rowsFor(CLIENTS);
  test(
    `the refreshing profile the action writes runs in ${clients.map(({ name }) => name).join(' and ')}: one AssumeRole, one owner-only cache entry`,
    { skip: clients.map(({ skip }) => skip()).find(Boolean) ?? false },
    () =>
      withFakeAws(async (aws, home) => {
        const configFile = join(home.home, 'config');
        const credentialsFile = join(home.home, 'credentials');
        await writeFile(
          configFile,
          `[profile p]\ncredential_process = ${actionRefreshLine(aws.server.stsEndpoint)}\n`,
        );
        await writeFile(credentialsFile, '');
        const env = {
          ...home.env,
          AWS_CONFIG_FILE: configFile,
          AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
          AWS_PAGER: '',
          AWS_CONTAINER_CREDENTIALS_FULL_URI: aws.server.container.fullUri,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: aws.server.container.authorizationToken,
        };

        for (const client of clients) {
          assert.equal(await client.arn(aws.server.stsEndpoint, env), ASSUMED_ARN, client.name);
          assert.equal(aws.stsCalls('AssumeRole').length, 1, 'after the first client, the cache answered');
        }

        const cacheDir = join(home.home, '.cache', 'assume-aws-role');
        const [entry, ...others] = await cacheEntries(cacheDir);
        assert.equal(others.length, 0);
        assert.equal((await stat(cacheDir)).mode & 0o777, 0o700);
        assert.equal((await stat(join(cacheDir, entry ?? ''))).mode & 0o777, 0o600);
      }),
  );

  test('cached credentials are renewed shortly before they expire', () =>
    // Sessions of 10 s: the renewal window is half the cached lifetime, so about 5 s, room enough for the
    // second call to be a cache hit on a busy machine.
    withFakeAws(
      async (aws, home) => {
        const env = { ...home.env, ...aws.userEnv };
        const args = cachedProcessArgs(aws);
        const call = async () => {
          const result = await runCli(args, env);
          assert.equal(result.code, 0, result.stderr);
          return JSON.parse(result.stdout) as { AccessKeyId: string; Expiration: string };
        };

        const first = await call();
        const second = await call();
        assert.equal(second.AccessKeyId, first.AccessKeyId);
        assert.equal(aws.stsCalls('AssumeRole').length, 1, 'the second call is a cache hit');

        await sleep(Date.parse(first.Expiration) - 1000 - Date.now());
        const renewed = await call();
        assert.notEqual(renewed.AccessKeyId, first.AccessKeyId);
        assert.equal(aws.stsCalls('AssumeRole').length, 2, 'the renewal called STS again');
      },
      { sessionLifetimeMs: 10_000 },
    ));

  const CACHE_DIRS = [
    { variable: 'RUNNER_TEMP', under: (dir: string) => join(dir, 'assume-aws-role-cache') },
    { variable: 'XDG_CACHE_HOME', under: (dir: string) => join(dir, 'assume-aws-role') },
  ];
  // RUNNER_TEMP is where the action's refreshing profiles cache; XDG_CACHE_HOME runs in the deep tier.
  for (const { variable, under } of rowsFor(CACHE_DIRS)) {
    test(`with ${variable} set, the cache lives under it`, () =>
      withFakeAws(async (aws, home) => {
        const dir = join(home.home, variable.toLowerCase());
        const args = cachedProcessArgs(aws);
        const result = await runCli(args, { ...home.env, ...aws.userEnv, [variable]: dir });

        assert.equal(result.code, 0, result.stderr);
        assert.equal((await cacheEntries(under(dir))).length, 1);
        assert.deepEqual(await cacheEntries(join(home.home, '.cache', 'assume-aws-role')), []);
      }));
  }

  test('--format process without --cache prints the document and caches nothing', () =>
    withFakeAws(async (aws, home) => {
      const result = await runCli(
        ['--format', 'process', '--source', 'env', '--role-arn', ROLE_ARN, ...aws.stsArgs],
        {
          ...home.env,
          ...aws.userEnv,
        },
      );

      assert.equal(result.code, 0, result.stderr);
      const document = JSON.parse(result.stdout);
      assert.equal(document.Version, 1);
      assert.ok(document.SessionToken && document.Expiration);
      assert.deepEqual(await cacheEntries(join(home.home, '.cache', 'assume-aws-role')), []);
    }));
});
