// The hostile-file suite: FIFOs, devices and directories where a token or shared file should be, shared
// files in encodings AWS tools cannot read, and a full disk. Nothing may block, nothing may be changed,
// and the error names the path.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fakeCredentials, tempHome } from '../../__fixtures__/profiles/temp-home.ts';
import { State } from '../../src/constants.ts';
import { writeProfiles } from '../../src/profiles/index.ts';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  containerEnv,
  jobEnv,
  phaseLog,
  roleArn,
  rowsFor,
  startAwsTestServer,
  withJob,
} from '../../testing/e2e/index.ts';

const posix = process.platform !== 'win32';
const ci = { name: 'ci', credentials: fakeCredentials(1) };
const HANG_DETECTOR_MS = 40_000;
const INI = '[default]\nregion = eu-west-1\n';

/**
 * Runs one step against a fresh server and job; returns its phases. Post runs only `withPost`, otherwise
 * main must have recorded no written profiles, without which post does nothing (src/post.ts).
 */
async function step(
  inputs: (server: AwsTestServer, home: string) => Record<string, string>,
  env: (server: AwsTestServer, home: string) => Record<string, string> = () => ({}),
  withPost = false,
) {
  const server = await startAwsTestServer();
  try {
    return await withJob(jobEnv(server), async (job) => {
      const home = job.env.HOME ?? '';
      await mkdir(join(home, '.aws'), { recursive: true });
      const result = await job.runStep(inputs(server, home), {
        env: env(server, home),
        timeoutMs: HANG_DETECTOR_MS,
        runPost: withPost,
      });
      assert.equal(result.main.timedOut, false, `the step hung:\n${phaseLog(result.main)}`);
      if (!withPost)
        assert.equal(result.main.state[State.writtenProfiles], undefined, 'post would have work');
      if (result.post) assert.equal(result.post.timedOut, false, `post hung:\n${phaseLog(result.post)}`);
      return { main: result.main, post: result.post, home };
    });
  } finally {
    await server.close();
  }
}

const keysWithRole = (server: AwsTestServer) => {
  const keys = server.issueKeys();
  return {
    'aws-access-key-id': keys.accessKeyId,
    'aws-secret-access-key': keys.secretAccessKey,
    'role-arn': roleArn('deploy'),
  };
};

const errorOf = (main: { commands: { name: string; message: string }[] }) =>
  main.commands.find((command) => command.name === 'error')?.message ?? '';

describe('odd files where the action reads', { concurrency: 3, skip: !posix }, () => {
  // The STS client reads no shared file; after the hand-over the later-steps check opens them without
  // blocking (a .NET v3 or PowerShell v4 step would sign with their [default]), and reports a FIFO there.
  test('a run that writes no profile never blocks on the shared files: FIFOs as ~/.aws/config and credentials', async () => {
    const { main, post } = await step(
      keysWithRole,
      (_, home) => {
        for (const name of ['config', 'credentials', 'elsewhere-config', 'elsewhere-credentials'])
          execFileSync('mkfifo', [join(home, '.aws', name)]);
        return {
          AWS_CONFIG_FILE: join(home, '.aws', 'elsewhere-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'elsewhere-credentials'),
        };
      },
      true,
    );
    assert.equal(main.exitCode, 0, phaseLog(main));
    assert.equal(post?.exitCode, 0, post && phaseLog(post));
    const warnings = main.commands.filter((command) => command.name === 'warning').map((w) => w.message);
    assert.ok(
      warnings.some((warning) =>
        /could not read the shared files .*elsewhere-credentials.*FIFO/s.test(warning),
      ),
      `the later-steps check names the FIFO: ${warnings.join(' | ')}`,
    );
  });

  const tokenFiles = [
    { name: 'a FIFO', make: (path: string) => execFileSync('mkfifo', [path]), kind: /FIFO/ },
    { name: 'a directory', make: (path: string) => execFileSync('mkdir', [path]), kind: /directory/ },
    { name: '/dev/zero', device: '/dev/zero', kind: /device/ },
  ];
  // The reader refuses each kind (unit-tested in __tests__/hostile/read-regular-file.test.ts); `npm test`
  // keeps the FIFO, the one that would block.
  for (const file of rowsFor(tokenFiles)) {
    test(`web-identity-token-file as ${file.name}: refused at once, naming the path`, async () => {
      let path = '';
      const { main } = await step((_, home) => {
        path = file.device ?? join(home, 'token');
        file.make?.(path);
        return { source: 'web-identity', 'web-identity-token-file': path, 'role-arn': roleArn('deploy') };
      });
      assert.equal(main.exitCode, 1, phaseLog(main));
      assert.deepEqual(main.exported, {});
      assert.ok(errorOf(main).includes(path), errorOf(main));
      assert.match(errorOf(main), file.kind);
    });
  }

  test('the container authorization token file as a FIFO: refused at once, naming the path', async () => {
    let path = '';
    const { main } = await step(
      () => ({ source: 'container' }),
      (server, home) => {
        path = join(home, 'agent-token');
        execFileSync('mkfifo', [path]);
        const env = containerEnv(server);
        delete env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
        return { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: path };
      },
    );
    assert.equal(main.exitCode, 1, phaseLog(main));
    assert.ok(errorOf(main).includes(path), errorOf(main));
    assert.match(errorOf(main), /FIFO/);
  });

  test('a profile to write into a credentials file that is a FIFO: refused, naming it, nothing written', async () => {
    let path = '';
    const { main, home } = await step(
      (server) => ({ ...keysWithRole(server), profile: 'ci' }),
      (_, home) => {
        path = join(home, '.aws', 'credentials');
        execFileSync('mkfifo', [path]);
        return {};
      },
    );
    assert.equal(main.exitCode, 1, phaseLog(main));
    assert.ok(errorOf(main).includes(path), errorOf(main));
    assert.match(errorOf(main), /FIFO/);
    assert.deepEqual((await readdir(join(home, '.aws')).catch(() => [])).sort(), []);
  });
});

describe('shared files AWS tools cannot read are refused, never edited', () => {
  const encodings = [
    { name: 'a UTF-8 BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INI)]) },
    { name: 'UTF-16LE', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INI, 'utf16le')]) },
  ];
  for (const { name, bytes } of encodings) {
    test(`a credentials file in ${name}: named, with the fix for both systems, left byte for byte`, async (t) => {
      const { paths } = await tempHome(t);
      await mkdir(join(paths.credentialsFile, '..'));
      await writeFile(paths.credentialsFile, bytes);
      await assert.rejects(writeProfiles(paths, [ci], { overwrite: false }), (error: Error) => {
        assert.ok(error.message.startsWith(paths.credentialsFile), error.message);
        assert.match(error.message, /changed nothing/);
        assert.match(error.message, /iconv|tail -c/);
        assert.match(error.message, /utf8NoBOM/);
        return true;
      });
      assert.deepEqual(await readFile(paths.credentialsFile), bytes);
      assert.deepEqual(await readdir(join(paths.credentialsFile, '..')), ['credentials']);
    });
  }
});

/** A tmpfs of `kib` KiB, where the test runs as root (CI containers, this sandbox); undefined elsewhere. */
async function smallTmpfs(kib: number): Promise<{ dir: string; remove: () => Promise<void> } | undefined> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'full-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]).status !== 0) {
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    remove: async () => {
      spawnSync('umount', [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

test('a full disk: the error names the file and ENOSPC, no lock or temp file is left, nothing changed', async (t) => {
  const disk = await smallTmpfs(16);
  if (!disk) return t.skip('no tmpfs can be mounted here (needs root on Linux)');
  t.after(disk.remove);
  const aws = join(disk.dir, '.aws');
  await mkdir(aws);
  const paths = { credentialsFile: join(aws, 'credentials'), configFile: join(aws, 'config') };
  await writeFile(paths.credentialsFile, INI);
  // Fill the disk to the last byte.
  await writeFile(join(disk.dir, 'filler'), Buffer.alloc(64 * 1024)).catch(() => undefined);
  await assert.rejects(writeProfiles(paths, [ci], { overwrite: false }), (error: Error) => {
    assert.match(error.message, /ENOSPC/);
    assert.ok(error.message.startsWith(aws), error.message);
    return true;
  });
  assert.equal(await readFile(paths.credentialsFile, 'utf8'), INI);
  assert.deepEqual(await readdir(aws), ['credentials']);
});
