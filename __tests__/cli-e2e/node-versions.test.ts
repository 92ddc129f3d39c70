// The CLI supports every Node line still in support (22 and 24) and refuses an older one in one line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import { CLI, freshHome, REPO_ROOT, rowsFor, runProcess } from '../../testing/e2e/index.ts';
import { startCountingProxy } from '../proxy-e2e/counting-proxy.ts';
import { ROLE_ARN, SESSION_NAME, withFakeAws } from './support/fake-aws.ts';

const EXE = process.platform === 'win32' ? 'node.exe' : 'node';
/** Node 22 from npm, installed by the testing/node22 dev dependency. */
const NODE_22 = join(REPO_ROOT, 'testing', 'node22', 'node_modules', 'node', 'bin', EXE);

function major(node: string): number {
  return Number(execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).split('.')[0]);
}

/** The first Node older than 22 on PATH outside this project (a system Node), if any. */
function olderNodeOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const node = join(dir, EXE);
    if (dir === '' || resolve(dir).startsWith(REPO_ROOT) || !existsSync(node)) continue;
    try {
      if (major(node) < 22) return node;
    } catch {}
  }
  return undefined;
}

const SUPPORTED = [
  { line: 24, node: process.execPath },
  { line: 22, node: NODE_22 },
];

/** What the entry chunk answers alone; `npm test` runs --version, the deep tier --help as well. */
const ENTRY_RUNS = rowsFor([
  { flag: '--version', check: (stdout: string) => assert.equal(stdout, `${packageJson.version}\n`) },
  { flag: '--help', check: (stdout: string) => assert.match(stdout, /^Usage: assume-aws-role/) },
]);

describe('Node versions', { concurrency: true }, () => {
  for (const { line, node } of SUPPORTED) {
    const missing = existsSync(node) ? false : `Node ${line} is not installed at ${node} (run npm ci)`;
    const flags = ENTRY_RUNS.map(({ flag }) => flag).join(', ');
    test(`on Node ${line}: ${flags} and an AssumeRole work`, { skip: missing }, () =>
      withFakeAws(async (aws, home) => {
        assert.equal(major(node), line);
        for (const { flag, check } of ENTRY_RUNS) {
          const result = await runProcess(node, [CLI, flag], home.env);
          assert.equal(result.code, 0, result.stderr);
          check(result.stdout);
        }

        const args = ['--source', 'env', '--role-arn', ROLE_ARN, '--session-name', SESSION_NAME];
        const run = await runProcess(node, [CLI, ...args, ...aws.stsArgs, '--format', 'json'], {
          ...home.env,
          ...aws.userEnv,
        });
        assert.equal(run.code, 0, run.stderr);
        assert.equal(aws.stsCalls('AssumeRole').length, 1);
        assert.match(JSON.parse(run.stdout).AccessKeyId, /^ASIA/);
      }),
    );
  }

  // Node's own HTTP_PROXY support in http.Agent (proxyEnv) is what the CLI uses; Node 22 has it since 22.21,
  // so `npm test` proves it there (on Node 24 the proxy end-to-end suite goes through a proxy too).
  for (const { line, node } of rowsFor(SUPPORTED, ({ line }) => line === 22)) {
    test(
      `on Node ${line}: STS is reached through HTTP_PROXY`,
      { skip: !existsSync(node) && 'not installed' },
      () =>
        withFakeAws(async (aws, home) => {
          const proxy = await startCountingProxy();
          try {
            const args = ['--source', 'env', '--role-arn', ROLE_ARN, ...aws.stsArgs, '--format', 'json'];
            const env = { ...home.env, ...aws.userEnv, HTTP_PROXY: proxy.url };
            const run = await runProcess(node, [CLI, ...args], env);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(aws.stsCalls('AssumeRole').length, 1);
            assert.deepEqual(
              proxy.forwarded.map(({ method }) => method),
              ['POST'],
            );
          } finally {
            await proxy.close();
          }
        }),
    );
  }

  const older = olderNodeOnPath();
  test('on a Node older than 22 it says so in one line and exits 1', {
    skip: older === undefined && 'no Node older than 22 on PATH',
  }, async () => {
    const home = await freshHome();
    try {
      const node = older ?? '';
      const version = execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
      const runs = [['--version'], ['--source', 'env', '--role-arn', ROLE_ARN]];
      for (const args of rowsFor(runs, (_, index) => index === 1)) {
        const result = await runProcess(node, [CLI, ...args], home.env);
        assert.equal(result.code, 1);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, `assume-aws-role needs Node.js 22 or later (this is ${version})\n`);
      }
    } finally {
      await home.remove();
    }
  });
});
