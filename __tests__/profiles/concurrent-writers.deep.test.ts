import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { skipOn } from '../../__fixtures__/platform.ts';
import { readWithBotocore, readWithSdk } from '../../__fixtures__/profiles/shared-file-readers.ts';
import { fakeCredentials, tempHome } from '../../__fixtures__/profiles/temp-home.ts';

const CHILD = fileURLToPath(new URL('../../__fixtures__/profiles/write-one-profile.ts', import.meta.url));
const WRITERS = 16;

/** A child's stdout, one line at a time. */
function lines(child: ChildProcess): () => Promise<string> {
  let buffer = '';
  const waiting: ((line: string) => void)[] = [];
  const queued: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const next = waiting.shift();
      if (next) next(line);
      else queued.push(line);
    }
  });
  return () => {
    const line = queued.shift();
    return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
  };
}

test('16 processes writing distinct profiles at once keep all 16, readable by both parsers; 16 cleanups remove them', {
  skip: skipOn.botocore(),
}, async (t) => {
  const { paths } = await tempHome(t);
  const children = Array.from({ length: WRITERS }, (_, index) => {
    const args = [CHILD, paths.credentialsFile, paths.configFile, `p${index}`, String(index)];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    t.after(() => child.stdin?.end());
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const tell = (word: string) => child.stdin?.write(`${word}\n`);
    return { next: lines(child), exited, tell, close: () => child.stdin?.end() };
  });
  const all = (stage: (child: (typeof children)[number]) => Promise<string>) =>
    Promise.all(children.map(stage));

  assert.deepEqual(await all((child) => child.next()), Array(WRITERS).fill('ready'));
  for (const child of children) child.tell('write'); // all write at the same moment
  const records = await all((child) => child.next());
  assert.equal(records.length, WRITERS);

  const names = children.map((_, index) => `p${index}`);
  const sdk = await readWithSdk(paths.credentialsFile, paths.configFile);
  const [boto] = readWithBotocore([
    { credentials: paths.credentialsFile, config: paths.configFile, resolve: names },
  ]);
  for (const [index, name] of names.entries()) {
    const expected = fakeCredentials(index);
    assert.equal(sdk.credentialsFile[name]?.aws_access_key_id, expected.accessKeyId);
    assert.equal(sdk.configFile[name]?.region, `eu-west-${index}`);
    assert.deepEqual(boto?.resolved[name], [
      expected.accessKeyId,
      expected.secretAccessKey,
      expected.sessionToken,
    ]);
    assert.equal(boto?.config.profiles[name]?.region, `eu-west-${index}`);
  }
  assert.deepEqual((await readdir(dirname(paths.configFile))).sort(), ['config', 'credentials']);

  for (const child of children) child.tell('remove'); // and all clean up at the same moment
  const warnings = await all((child) => child.next());
  assert.deepEqual(
    warnings.map((line) => JSON.parse(line)),
    Array(WRITERS).fill([]),
  );
  for (const child of children) child.close();
  assert.deepEqual(await Promise.all(children.map((child) => child.exited)), Array(WRITERS).fill(0));
  // Whoever created a file removes it once it is empty, and the directory with it; the rest stays empty.
  for (const file of await readdir(dirname(paths.configFile)).catch(() => [])) {
    assert.ok(['config', 'credentials'].includes(file), `left behind: ${file}`);
    assert.equal(await readFile(join(dirname(paths.configFile), file), 'utf8'), '');
  }
});
