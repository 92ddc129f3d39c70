// Real clients of each SDK family, each asking STS "who am I?" through its own default credential chain,
// as a later `run:` step of the job would. Clients absent here are skipped with the reason.
import { execFile } from 'node:child_process';
import { access, constants, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FamilyId } from '../../../src/later-steps/sdk-families.ts';

export type ClientName = 'aws-cli' | 'botocore' | 'js' | 'js-direct' | 'go' | 'ruby';

/** The SDK family each client stands for in the table of src/later-steps. */
export const CLIENT_FAMILY: Record<ClientName, FamilyId> = {
  'aws-cli': 'aws-cli',
  botocore: 'aws-cli',
  js: 'js-v3',
  'js-direct': 'js-direct',
  go: 'go-v2',
  ruby: 'ruby-v3',
};

export type Outcome = { readonly arn: string } | { readonly error: string };

const AWS_CLI = '/usr/bin/aws'; // CLI v2; the pyenv `aws` on PATH may be another
const PYTHON = '/usr/bin/python3';
const RUBY = '/usr/bin/ruby';
const GO = '/usr/bin/go';
const GO_SDK = '/usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/config';
const HERE = import.meta.dirname;
/** A client start plus one STS call take about a second, several on a loaded two-core box; far longer is hung. */
const CLIENT_TIMEOUT_MS = 90_000;
/** A cold offline build of the Go client takes ~20 s on two busy cores. */
const GO_BUILD_TIMEOUT_MS = 180_000;

interface Run {
  code: number | 'timed out';
  stdout: string;
  stderr: string;
}

function run(
  file: string,
  args: string[],
  env: Record<string, string>,
  timeout = CLIENT_TIMEOUT_MS,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout }, (error, stdout, stderr) => {
      const code = !error ? 0 : error.killed ? 'timed out' : Number(error.code ?? 1) || 1;
      resolve({ code, stdout, stderr });
    });
  });
}

const outcome = (result: Run): Outcome =>
  result.code === 0
    ? { arn: result.stdout.trim().split('\n').at(-1) ?? '' }
    : { error: `exit ${result.code}: ${result.stderr.trim().split('\n').at(-1) ?? ''}` };

export interface Clients {
  readonly available: readonly ClientName[];
  readonly skipped: ReadonlyMap<ClientName, string>;
  /** Every available client at once, with `env` as a later step's whole environment. */
  callerArns(env: Record<string, string>, endpoint: string): Promise<Partial<Record<ClientName, Outcome>>>;
  cleanup(): Promise<void>;
}

const SYSTEM_PATH = { PATH: '/usr/bin:/bin' };

async function absentBecause(check: () => Promise<boolean>, reason: string): Promise<string | undefined> {
  return (await check().catch(() => false)) ? undefined : reason;
}

const executable = (path: string) => access(path, constants.X_OK).then(() => true);

/** Finds the clients, and builds the Go one once (offline, GOPATH mode against Debian's SDK sources). */
export async function prepareClients(): Promise<Clients> {
  const dir = await mkdtemp(join(tmpdir(), 'later-steps-clients-'));
  const goBinary = join(dir, 'caller-id');
  const skipped = new Map<ClientName, string>();
  const reasons: [ClientName, Promise<string | undefined>][] = [
    ['aws-cli', absentBecause(() => executable(AWS_CLI), `${AWS_CLI} not found (Debian package awscli)`)],
    [
      'botocore',
      absentBecause(
        async () => (await run(PYTHON, ['-c', 'import botocore'], SYSTEM_PATH)).code === 0,
        `${PYTHON} cannot import botocore (Debian package python3-boto3)`,
      ),
    ],
    [
      'ruby',
      absentBecause(
        async () => (await run(RUBY, ['-e', "require 'aws-sdk-core'"], SYSTEM_PATH)).code === 0,
        `${RUBY} cannot require aws-sdk-core (Debian package ruby-aws-sdk-core)`,
      ),
    ],
    ['go', buildGo(dir, goBinary)],
  ];
  for (const [name, reason] of reasons) {
    const why = await reason;
    if (why) skipped.set(name, why);
  }
  const all: ClientName[] = ['aws-cli', 'botocore', 'js', 'js-direct', 'go', 'ruby'];
  const available = all.filter((name) => !skipped.has(name));

  return {
    available,
    skipped,
    async callerArns(env, endpoint) {
      const has = (name: ClientName) => available.includes(name);
      const python = { ...env, PYTHONUTF8: '1' };
      const [cli, boto, js, go, ruby] = await Promise.all([
        has('aws-cli')
          ? run(
              AWS_CLI,
              [
                'sts',
                'get-caller-identity',
                '--endpoint-url',
                endpoint,
                '--region',
                'us-east-1',
                '--output',
                'text',
                '--query',
                'Arn',
              ],
              env,
            )
          : undefined,
        has('botocore') ? run(PYTHON, [join(HERE, 'caller-id.py'), endpoint], python) : undefined,
        run(process.execPath, [join(HERE, 'caller-id.mjs'), endpoint], env),
        has('go') ? run(goBinary, [endpoint], env) : undefined,
        has('ruby') ? run(RUBY, [join(HERE, 'caller-id.rb'), endpoint], env) : undefined,
      ]);
      const outcomes: Partial<Record<ClientName, Outcome>> = {};
      if (cli) outcomes['aws-cli'] = outcome(cli);
      if (boto) outcomes.botocore = outcome(boto);
      if (go) outcomes.go = outcome(go);
      if (ruby) outcomes.ruby = outcome(ruby);
      if (js.code !== 0) throw new Error(`the JS client failed: ${js.stderr}`);
      const both = JSON.parse(js.stdout) as Record<'js' | 'jsDirect', { arn?: string; error?: string }>;
      outcomes.js = both.js.arn ? { arn: both.js.arn } : { error: both.js.error ?? '?' };
      outcomes['js-direct'] = both.jsDirect.arn
        ? { arn: both.jsDirect.arn }
        : { error: both.jsDirect.error ?? '?' };
      return outcomes;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Undefined when built; otherwise why the Go client is skipped. */
async function buildGo(dir: string, binary: string): Promise<string | undefined> {
  if (!(await executable(GO).catch(() => false))) return `${GO} not found (Debian package golang-go)`;
  if (
    !(await access(GO_SDK).then(
      () => true,
      () => false,
    ))
  )
    return `${GO_SDK} not found (Debian package golang-github-aws-aws-sdk-go-v2-dev)`;
  const source = join(dir, 'gopath', 'src', 'callerid');
  await mkdir(source, { recursive: true });
  await copyFile(join(HERE, 'caller-id.go'), join(source, 'main.go'));
  const env = {
    ...SYSTEM_PATH,
    HOME: process.env.HOME ?? dir, // GOCACHE under it, so later runs reuse the compiled SDK
    GOPATH: `${join(dir, 'gopath')}:/usr/share/gocode`,
    GO111MODULE: 'off',
    GOFLAGS: '',
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local',
  };
  const built = await run(
    GO,
    ['build', '-o', binary, 'callerid'],
    { ...env, PWD: source },
    GO_BUILD_TIMEOUT_MS,
  );
  return built.code === 0
    ? undefined
    : `the Go client did not build offline: ${built.stderr.trim().split('\n').slice(-3).join(' ')}`;
}
