/** A crash at any commit step leaves, for the next writer or cleaner, the old pair or the new pair. */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fakeCredentials, type TempHome, tempHome } from '../../__fixtures__/profiles/temp-home.ts';
import {
  commitSteps,
  removeProfiles,
  type SharedFilePaths,
  writeProfiles,
} from '../../src/profiles/index.ts';

const ci = { name: 'ci', region: 'eu-west-1', credentials: fakeCredentials(1) };
const OLD_CREDENTIALS = '[mine]\naws_access_key_id = MINE\n';
const OLD_CONFIG = '[profile mine]\r\nregion = us-east-1\r\n';

const crashAt = (step: string) => (current: string) => {
  if (current === step) throw new Error(`crash at ${step}`);
};
const readPair = async (paths: SharedFilePaths) => [
  await readFile(paths.credentialsFile, 'utf8').catch(() => undefined),
  await readFile(paths.configFile, 'utf8').catch(() => undefined),
];
/** The next writer: an empty write recovers under the lock before it reads. */
const nextWriter = (paths: SharedFilePaths) => writeProfiles(paths, [], { overwrite: false });

async function seeded(t: Parameters<typeof tempHome>[0]): Promise<TempHome> {
  const home = await tempHome(t);
  await mkdir(dirname(home.paths.credentialsFile));
  await writeFile(home.paths.credentialsFile, OLD_CREDENTIALS);
  await writeFile(home.paths.configFile, OLD_CONFIG);
  return home;
}

/** What a successful write gives, for comparison. */
async function expectedNewPair(t: Parameters<typeof tempHome>[0]) {
  const { paths } = await seeded(t);
  await writeProfiles(paths, [ci], { overwrite: false });
  return readPair(paths);
}

describe('writing both files', () => {
  const steps = commitSteps(2);
  test('has the steps temp, journal, rename and unjournal for each file', () => {
    assert.deepEqual(steps, [
      'temp:0',
      'temp:1',
      'journal:0',
      'journal:1',
      'rename:0',
      'rename:1',
      'unjournal:0',
      'unjournal:1',
    ]);
  });

  for (const [index, step] of steps.entries()) {
    const committed = index >= steps.indexOf('journal:1');
    test(`a crash after ${step} leaves the ${committed ? 'new' : 'old'} pair for the next writer`, async (t) => {
      const newPair = await expectedNewPair(t);
      const { paths } = await seeded(t);
      let recorded = false;
      const onCommitted = () => {
        recorded = true;
      };
      await assert.rejects(
        writeProfiles(paths, [ci], { overwrite: false, onCommitStep: crashAt(step), onCommitted }),
        /crash at/,
      );
      assert.equal(recorded, committed, 'the record for cleanup exactly when the pair will be the new one');
      await nextWriter(paths);
      assert.deepEqual(await readPair(paths), committed ? newPair : [OLD_CREDENTIALS, OLD_CONFIG]);
      assert.deepEqual((await readdir(dirname(paths.configFile))).sort(), ['config', 'credentials']);
    });
  }

  test('a home whose path is not Latin-1 (C:\\Users\\Дмитрий): the journal names it, and the roll forward works', async (t) => {
    const newPair = await expectedNewPair(t);
    const { home } = await tempHome(t);
    const aws = join(home, 'Дмитрий-łódź-東京', '.aws');
    const paths = { credentialsFile: join(aws, 'credentials'), configFile: join(aws, 'config') };
    await mkdir(aws, { recursive: true });
    await writeFile(paths.credentialsFile, OLD_CREDENTIALS);
    await writeFile(paths.configFile, OLD_CONFIG);
    await assert.rejects(writeProfiles(paths, [ci], { overwrite: false, onCommitStep: crashAt('rename:0') }));
    await nextWriter(paths);
    assert.deepEqual(await readPair(paths), newPair, 'rolled forward, not left half new');
    assert.deepEqual((await readdir(aws)).sort(), ['config', 'credentials'], 'the journals are gone');
  });

  test('the next writer rolls an interrupted write forward, then adds its own profile', async (t) => {
    const { paths } = await seeded(t);
    await assert.rejects(writeProfiles(paths, [ci], { overwrite: false, onCommitStep: crashAt('rename:0') }));
    // On disk now: the new credentials file with the old config file, and the journal that says so.
    const [credentialsNow, configNow] = await readPair(paths);
    assert.match(credentialsNow ?? '', /^\[ci\]$/m);
    assert.equal(configNow, OLD_CONFIG);
    assert.ok((await readdir(dirname(paths.configFile))).includes('config.assume-aws-role.journal'));
    await writeProfiles(paths, [{ name: 'cd', region: 'us-west-2' }], { overwrite: false });
    const [credentials, config] = await readPair(paths);
    assert.match(credentials ?? '', /^\[ci\]$/m);
    assert.match(config ?? '', /^\[profile ci\]\r$/m);
    assert.match(config ?? '', /^\[profile cd\]\r$/m);
  });

  test('a crash while creating both files leaves no files or both', async (t) => {
    for (const step of steps) {
      const { paths } = await tempHome(t);
      await assert.rejects(writeProfiles(paths, [ci], { overwrite: false, onCommitStep: crashAt(step) }));
      await nextWriter(paths);
      const pair = await readPair(paths);
      assert.equal(pair[0] === undefined, pair[1] === undefined, `after ${step}: ${pair}`);
    }
  });
});

describe('cleanup of both files', () => {
  for (const step of commitSteps(2)) {
    test(`a crash after ${step} leaves the written or the cleaned pair, and a retry finishes`, async (t) => {
      const { paths } = await seeded(t);
      const record = await writeProfiles(paths, [ci], { overwrite: false });
      const written = await readPair(paths);
      await assert.rejects(removeProfiles(record, { onCommitStep: crashAt(step) }), /crash at/);
      await nextWriter(paths);
      const pair = await readPair(paths);
      assert.ok(
        JSON.stringify(pair) === JSON.stringify(written) ||
          JSON.stringify(pair) === JSON.stringify([OLD_CREDENTIALS, OLD_CONFIG]),
        `after ${step}: ${JSON.stringify(pair)}`,
      );
      await removeProfiles(record);
      assert.deepEqual(await readPair(paths), [OLD_CREDENTIALS, OLD_CONFIG]);
      assert.deepEqual((await readdir(dirname(paths.configFile))).sort(), ['config', 'credentials']);
    });
  }
});

test('a single changed file is replaced by one rename, and a crash before it changes nothing', async (t) => {
  const { paths } = await seeded(t);
  const onlyCredentials = { name: 'ci', credentials: fakeCredentials(1) };
  const steps: string[] = [];
  await writeProfiles(paths, [onlyCredentials], {
    overwrite: false,
    onCommitStep: (step) => void steps.push(step),
  });
  assert.deepEqual(steps, commitSteps(1));
  const again = await seeded(t);
  await assert.rejects(
    writeProfiles(again.paths, [onlyCredentials], { overwrite: false, onCommitStep: crashAt('temp:0') }),
  );
  await nextWriter(again.paths);
  assert.deepEqual(await readPair(again.paths), [OLD_CREDENTIALS, OLD_CONFIG]);
  assert.deepEqual((await readdir(dirname(again.paths.configFile))).sort(), ['config', 'credentials']);
});

test('with the two files in different directories, a crash at any step still leaves old or new', async (t) => {
  const { home } = await tempHome(t);
  for (const [index, step] of commitSteps(2).entries()) {
    const paths = {
      credentialsFile: join(home, `${index}`, 'a', 'credentials'),
      configFile: join(home, `${index}`, 'b', 'config'),
    };
    const existing = { name: 'old', region: 'x', credentials: fakeCredentials(0) };
    await writeProfiles(paths, [existing], { overwrite: false });
    const old = await readPair(paths);
    await assert.rejects(writeProfiles(paths, [ci], { overwrite: false, onCommitStep: crashAt(step) }));
    await nextWriter(paths);
    const pair = await readPair(paths);
    const committed = index >= commitSteps(2).indexOf('journal:1');
    assert.equal(pair[0]?.includes('[ci]'), committed, `after ${step}`);
    assert.equal(pair[1]?.includes('[profile ci]'), committed, `after ${step}`);
    if (!committed) assert.deepEqual(pair, old);
    assert.deepEqual(await readdir(dirname(paths.credentialsFile)), ['credentials']);
    assert.deepEqual(await readdir(dirname(paths.configFile)), ['config']);
  }
});
