// What `--format dotenv` writes, each real dotenv reader gives back exactly; what they would not all
// read back the same is refused. Readers: Node's util.parseEnv and --env-file (22 and 24), npm dotenv,
// python-dotenv and the Docker CLI's --env-file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseEnv } from 'node:util';
import dotenv from 'dotenv';
import fc from 'fast-check';
import { dotenvProblem, renderDotenv } from '../../src/cli/formats/format-dotenv.ts';
import { FormatError } from '../../src/cli/formats/format-error.ts';
import { formatCredentials } from '../../src/cli/formats/output-formats.ts';
import { findDocker, readWithDocker } from './helpers/docker-env-file.ts';
import { ALL_SAMPLES, credentialsWith, secretAround } from './helpers/sample-values.ts';

const PYTHON = '/usr/bin/python3';
const NODE_22 = join(
  import.meta.dirname,
  '..',
  '..',
  'testing',
  'node22',
  'node_modules',
  'node',
  'bin',
  'node',
);
const PYTHON_DOTENV = existsSync(PYTHON) && spawnsOk(PYTHON, ['-c', 'import dotenv']);
const DOCKER = findDocker();

function spawnsOk(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A clean environment for the readers that run as processes: no V* variable of the test's own. */
const READER_ENV = { PATH: '/usr/bin:/bin', HOME: '/nonexistent', LANG: 'C.UTF-8' };

type Reader = (file: string) => Promise<Map<string, string>> | Map<string, string>;

const byName = (record: Record<string, string | null>) =>
  new Map(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== null));

const nodeEnvFile = (node: string) => (file: string) =>
  byName(
    JSON.parse(
      execFileSync(
        node,
        [
          `--env-file=${file}`,
          '-p',
          'JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => /^V\\d+$/.test(k))))',
        ],
        { env: READER_ENV, encoding: 'utf8' },
      ),
    ),
  );

const pythonDotenv = (file: string) =>
  byName(
    JSON.parse(
      execFileSync(
        PYTHON,
        [
          '-c',
          'import json, sys\nfrom dotenv import dotenv_values\nprint(json.dumps(dotenv_values(sys.argv[1])))',
          file,
        ],
        { env: READER_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      ),
    ),
  );

const READERS: { name: string; skip: string | false; read: Reader }[] = [
  {
    name: 'util.parseEnv',
    skip: false,
    read: (file) => byName(parseEnv(readFileSync(file, 'utf8')) as Record<string, string>),
  },
  {
    name: 'npm dotenv',
    skip: false,
    read: (file) => new Map(Object.entries(dotenv.parse(readFileSync(file)))),
  },
  {
    name: `node --env-file (Node ${process.versions.node})`,
    skip: false,
    read: nodeEnvFile(process.execPath),
  },
  {
    name: 'node --env-file (Node 22)',
    skip: !existsSync(NODE_22) && 'Node 22 from testing/node22 is not installed (npm ci)',
    read: nodeEnvFile(NODE_22),
  },
  { name: 'python-dotenv', skip: !PYTHON_DOTENV && 'python3-dotenv is not installed', read: pythonDotenv },
  {
    name: 'docker --env-file',
    skip: DOCKER === undefined && 'docker is not installed',
    read: (file) => readWithDocker(DOCKER ?? '', file, dir),
  },
];

/** Every sample character at each end and inside, the sequences readers treat specially, and random mixes of them. */
const CHARS = [...ALL_SAMPLES, '${', '\\n', '\\\\', '\\"', '=', 'A', 'z', '0', '+', '/'];
const VALUES = [
  ...ALL_SAMPLES.map((special, i) => secretAround(special, i)),
  ...ALL_SAMPLES.map((special) => `ab${special}cd`),
  ...['', '=a', 'a=b', 'x$HOME', '$', '{}', 'x\\', '\\', 'a b', "it's", 'say "hi"', 'export V0=1'],
  ...fc.sample(fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 }), { seed: 14, numRuns: 400 }),
];
const WRITTEN = VALUES.filter((value) => dotenvProblem(value) === undefined);

let dir: string;
let file: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dotenv-readers-'));
  file = join(dir, 'all.env');
  await writeFile(file, renderDotenv(WRITTEN.map((value, i) => ({ name: `V${i}`, value }))));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('every dotenv reader gives back exactly what --format dotenv writes', { concurrency: true }, () => {
  test('the sample is broad: most values are written, the rest refused', () => {
    assert.ok(WRITTEN.length > 250, `${WRITTEN.length} of ${VALUES.length} written`);
    assert.ok(VALUES.length - WRITTEN.length > 100);
  });

  for (const reader of READERS) {
    test(reader.name, { skip: reader.skip }, async () => {
      const read = await reader.read(file);
      assert.deepEqual(read, new Map(WRITTEN.map((value, i) => [`V${i}`, value])));
    });
  }
});

/** One example per refused class, and which reader misreads it when written bare. */
const REFUSED = [
  { value: 'a\nb', problem: /control character/ },
  { value: 'a#b', problem: /'#'/ },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: python-dotenv's interpolation, not a JS template
  { value: 'x${HOME}y', problem: /'\$\{'/ },
  { value: ' ab', problem: /whitespace/ },
  { value: 'ab\u00a0', problem: /whitespace/ },
  { value: '"ab"', problem: /quote/ },
  { value: "'ab'", problem: /quote/ },
];

describe('a value the readers would not all read back is refused', { concurrency: true }, () => {
  for (const { value, problem } of REFUSED) {
    test(`refuses ${JSON.stringify(value)}, naming the variable and the problem but not the value`, async () => {
      assert.throws(
        () => formatCredentials('dotenv', credentialsWith(value)),
        (error: unknown) =>
          error instanceof FormatError &&
          error.message.startsWith('Cannot write AWS_SECRET_ACCESS_KEY: ') &&
          problem.test(error.message) &&
          /--format json/.test(error.message) &&
          !error.message.includes(value),
      );
      // Not over-cautious: written bare, some reader gets it wrong.
      const bare = join(dir, `refused-${REFUSED.findIndex((row) => row.value === value)}.env`);
      await writeFile(bare, `V0=${value}\n`);
      const misread = [];
      for (const reader of READERS.filter((r) => !r.skip)) {
        if ((await reader.read(bare)).get('V0') !== value) misread.push(reader.name);
      }
      assert.ok(misread.length > 0, 'every reader reads it back');
    });
  }
});
