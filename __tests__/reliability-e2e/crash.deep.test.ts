// What the profile tests simulate with a throwing hook, done for real: a writer or cleaner SIGKILLed at each
// commit step of a two-file change, so its locks, journals and temp files stay behind. Each file on its own
// is then whole (its old bytes or its new ones), and the next writer, the built action in a job, takes the
// dead process's locks over, finishes or undoes the change, and adds its own profile. Both parsers agree.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import {
  type BotocoreCase,
  readWithBotocore,
  readWithSdk,
} from '../../__fixtures__/profiles/shared-file-readers.ts';
import {
  commitSteps,
  type SharedFilePaths,
  type WrittenProfiles,
  writeProfiles,
} from '../../src/profiles/index.ts';
import { type AwsTestServer, startAwsTestServer } from '../../testing/aws-test-server/index.ts';
import { assertSucceeded, jobEnv, roleArn, runStep, withJob } from '../../testing/e2e/index.ts';
import { CRASHING_JOB, CRASHING_PROFILE } from './support/crash-profile.ts';

const CRASH_WRITER = join(import.meta.dirname, 'support', 'crash-writer.ts');
const STEPS = commitSteps(2);
/** Writing the last journal commits the pair (src/profiles/atomic-commit.ts). */
const COMMIT_POINT = STEPS.indexOf('journal:1');
const OLD_CREDENTIALS =
  '# mine\n[mine]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n';
const OLD_CONFIG = '[profile mine]\r\nregion = us-east-1\r\n';
const OLD: Pair = [OLD_CREDENTIALS, OLD_CONFIG];

type Pair = [string, string];

let server: AwsTestServer;
let root: string;
/** The pair a completed write of CRASHING_PROFILE leaves. */
let written: Pair;
/** Pairs for one botocore run at the end (one Python start instead of one per case). */
const forBotocore: { label: string; case: BotocoreCase; crashing: boolean | 'either' }[] = [];

before(async () => {
  server = await startAwsTestServer();
  root = await mkdtemp(join(tmpdir(), 'reliability-crash-'));
  const { paths } = await seededHome('expected');
  await writeProfiles(paths, [CRASHING_PROFILE], { overwrite: false, jobId: CRASHING_JOB });
  written = await readPair(paths);
});
after(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function seededHome(name: string): Promise<{ home: string; paths: SharedFilePaths }> {
  const home = join(root, name);
  await mkdir(join(home, '.aws'), { recursive: true, mode: 0o700 });
  const paths = {
    credentialsFile: join(home, '.aws', 'credentials'),
    configFile: join(home, '.aws', 'config'),
  };
  await writeFile(paths.credentialsFile, OLD_CREDENTIALS, { mode: 0o600 });
  await writeFile(paths.configFile, OLD_CONFIG, { mode: 0o600 });
  return { home, paths };
}

const readPair = async (paths: SharedFilePaths): Promise<Pair> => [
  await readFile(paths.credentialsFile, 'utf8'),
  await readFile(paths.configFile, 'utf8'),
];

/** Runs the crash writer; resolves with how it ended. */
function crash(order: {
  mode: 'write' | 'remove';
  step: string;
  paths: SharedFilePaths;
  record?: WrittenProfiles;
}) {
  return new Promise<{ signal: string | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CRASH_WRITER, JSON.stringify(order)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, stderr }));
  });
}

async function snapshot(label: string, paths: SharedFilePaths): Promise<BotocoreCase> {
  const dir = join(root, 'snapshots', label);
  await mkdir(dir, { recursive: true });
  const copy = { credentials: join(dir, 'credentials'), config: join(dir, 'config') };
  await copyFile(paths.credentialsFile, copy.credentials);
  await copyFile(paths.configFile, copy.config);
  return copy;
}

describe('a process killed at each commit step, then the action as the next writer', {
  concurrency: 4,
}, () => {
  for (const mode of ['write', 'remove'] as const) {
    for (const [index, step] of STEPS.entries()) {
      const committed = index >= COMMIT_POINT;
      const label = `${mode}-${step.replace(':', '-')}`;
      test(`${mode} killed after ${step}: the ${committed ? 'new' : 'old'} pair, plus the next profile`, {
        skip: skipOn.botocore(),
      }, async () => {
        const { home, paths } = await seededHome(label);
        const record =
          mode === 'remove'
            ? await writeProfiles(paths, [CRASHING_PROFILE], { overwrite: false, jobId: CRASHING_JOB })
            : undefined;
        const [from, to] = mode === 'write' ? [OLD, written] : [written, OLD];

        const killed = await crash({ mode, step, paths, record });
        assert.equal(killed.signal, 'SIGKILL', killed.stderr);
        const left = await readdir(join(home, '.aws'));
        assert.ok(
          left.includes('credentials.assume-aws-role.lock'),
          `the dead process's lock stays: ${left}`,
        );
        // Right after the crash, before anyone recovers: each file is whole, old or new, never torn.
        const now = await readPair(paths);
        for (const file of [0, 1] as const)
          assert.ok(now[file] === from[file] || now[file] === to[file], `file ${file}`);
        const sdkNow = await readWithSdk(paths.credentialsFile, paths.configFile);
        assert.equal(sdkNow.credentialsFile.mine?.aws_access_key_id, 'AKIAIOSFODNN7EXAMPLE');
        forBotocore.push({
          label: `${label} before recovery`,
          case: await snapshot(label, paths),
          crashing: 'either',
        });

        await withJob(jobEnv(server), async (job) => {
          const next = await runStep(
            server,
            job,
            {
              source: 'keys',
              'aws-access-key-id': server.identities.user.accessKeyId,
              'aws-secret-access-key': server.identities.user.secretAccessKey,
              'role-arn': roleArn('deploy'),
              profile: 'next',
              region: 'us-west-2',
              cleanup: 'false',
            },
            { HOME: home },
          );
          assertSucceeded(next);
        });

        assert.deepEqual(
          (await readdir(join(home, '.aws'))).sort(),
          ['config', 'credentials'],
          'nothing left over',
        );
        const base = committed ? to : from;
        const final = await readPair(paths);
        for (const file of [0, 1] as const) {
          assert.ok(
            final[file].startsWith(base[file]),
            `file ${file} continues the ${committed ? 'new' : 'old'} one`,
          );
          assert.match(final[file].slice(base[file].length), /^\[(profile )?next\]\r?$/m);
        }
        const hasCrashing = mode === 'write' ? committed : !committed;
        const sdk = await readWithSdk(paths.credentialsFile, paths.configFile);
        assert.equal(sdk.credentialsFile.crashing !== undefined, hasCrashing);
        assert.equal(sdk.configFile.crashing?.region, hasCrashing ? 'eu-central-1' : undefined);
        assert.ok(sdk.credentialsFile.next?.aws_session_token);
        forBotocore.push({
          label,
          case: { ...paths2case(paths), resolve: ['mine', 'next', 'crashing'] },
          crashing: hasCrashing,
        });
      });
    }
  }
});

const paths2case = (paths: SharedFilePaths): BotocoreCase => ({
  credentials: paths.credentialsFile,
  config: paths.configFile,
});

test('botocore reads every pair: right after each crash, and after the next writer', {
  skip: skipOn.botocore(),
}, () => {
  assert.equal(forBotocore.length, STEPS.length * 4);
  const results = readWithBotocore(forBotocore.map((entry) => entry.case));
  for (const [index, result] of results.entries()) {
    const { label, crashing } = forBotocore[index] ?? { label: '?', crashing: 'either' };
    assert.equal(result.credentials.error, undefined, `${label}: ${result.credentials.error}`);
    assert.equal(result.config.error, undefined, `${label}: ${result.config.error}`);
    assert.ok(result.credentials.mine, `${label}: the seeded profile`);
    if (crashing === 'either') continue;
    assert.ok(Array.isArray(result.resolved.next), `${label}: next resolves`);
    assert.equal(Array.isArray(result.resolved.crashing), crashing, `${label}: crashing ${crashing}`);
    assert.equal(result.config.profiles.crashing?.region, crashing ? 'eu-central-1' : undefined, label);
  }
});
