import assert from 'node:assert/strict';
import { mkdir, readFile, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import { fakeCredentials, tempHome } from '../../__fixtures__/profiles/temp-home.ts';
import {
  mergeWrittenProfiles,
  type ProfileToWrite,
  removeProfiles,
  writeProfiles,
} from '../../src/profiles/index.ts';

const ci: ProfileToWrite = { name: 'ci', region: 'eu-west-1', credentials: fakeCredentials(1) };
const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );
/** A JSON round trip, as the record takes through the action's state. */
const viaState = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('cleanup', () => {
  test('restores both files byte for byte and keeps files and directories it did not create', async (t) => {
    const { paths } = await tempHome(t);
    await mkdir(dirname(paths.configFile));
    const config = '# mine\r\n[default]\r\nregion = us-east-1\r\ns3 =\r\n  max_concurrent_requests = 4';
    await writeFile(paths.configFile, config);
    const record = await writeProfiles(paths, [ci, { name: 'cd', credentials: fakeCredentials(2) }], {
      overwrite: false,
      jobId: 'o/r/1',
    });
    assert.deepEqual(await removeProfiles(viaState(record)), []);
    assert.equal(await readFile(paths.configFile, 'utf8'), config);
    assert.equal(await exists(paths.credentialsFile), false, 'it created the credentials file, now empty');
    assert.equal(await exists(dirname(paths.configFile)), true);
  });

  test('keeps a file it created when someone else added to it', async (t) => {
    const { paths } = await tempHome(t);
    const record = await writeProfiles(paths, [ci], { overwrite: false });
    await writeFile(paths.configFile, '[profile later]\nregion = x\n', { flag: 'a' });
    assert.deepEqual(await removeProfiles(viaState(record)), []);
    assert.equal(await readFile(paths.configFile, 'utf8'), '[profile later]\nregion = x\n');
    assert.equal(await exists(paths.credentialsFile), false);
  });

  test('warns and keeps sections that changed or are gone; never throws for that', async (t) => {
    const { paths } = await tempHome(t);
    const record = await writeProfiles(paths, [ci, { name: 'cd', region: 'x' }], { overwrite: false });
    const config = await readFile(paths.configFile, 'utf8');
    await writeFile(paths.configFile, config.replace('region = x', 'region = y'));
    await writeFile(paths.credentialsFile, '');
    const warnings = await removeProfiles(viaState(record));
    assert.equal(warnings.length, 2);
    assert.match(warnings.join('\n'), /profile 'ci' in .*credentials is already gone/);
    assert.match(warnings.join('\n'), /profile 'cd' in .*config left in place: it changed/);
    assert.match(
      await readFile(paths.configFile, 'utf8'),
      /^\[profile cd\]\n# assume-aws-role: managed\nregion = y\n$/,
    );
  });

  test("merged records from two steps remove both steps' profiles; the later write of a profile wins", async (t) => {
    const { paths } = await tempHome(t);
    const a = await writeProfiles(paths, [ci], { overwrite: false });
    const b = await writeProfiles(
      paths,
      [
        { name: 'cd', region: 'x' },
        { ...ci, region: 'us-west-1' },
      ],
      {
        overwrite: false,
      },
    );
    const merged = mergeWrittenProfiles(viaState(a), viaState(b));
    assert.deepEqual(await removeProfiles(viaState(merged)), []);
    assert.equal(await exists(dirname(paths.configFile)), false);
  });

  test('says so when the files are already gone', async (t) => {
    const { home, paths } = await tempHome(t);
    const record = await writeProfiles(paths, [ci], { overwrite: false });
    await import('node:fs/promises').then((fs) => fs.rm(join(home, '.aws'), { recursive: true }));
    const warnings = await removeProfiles(viaState(record));
    assert.equal(warnings.length, 2);
    assert.match(warnings[0] ?? '', /already gone/);
  });

  test('refuses to clean up through a symlinked .aws directory', { skip: skipOn.symlinks() }, async (t) => {
    const { home, paths } = await tempHome(t);
    const record = await writeProfiles(paths, [ci], { overwrite: false });
    await rename(join(home, '.aws'), join(home, 'moved'));
    await symlink(join(home, 'moved'), join(home, '.aws'));
    await assert.rejects(removeProfiles(viaState(record)), { message: /\.aws: is a symbolic link/ });
    assert.match(await readFile(join(home, 'moved', 'credentials'), 'utf8'), /^\[ci\]$/m);
  });

  test('merging records: the later entry for a profile wins, created files and directories add up', () => {
    const file = (sections: Record<string, string | null>, createdFile: boolean) => ({
      path: '/h/.aws/config',
      kind: 'config' as const,
      createdFile,
      sections,
    });
    const a = {
      version: 1 as const,
      files: [file({ ci: 'a'.repeat(64), cd: 'c'.repeat(64) }, true)],
      createdDirs: ['/h/.aws'],
    };
    const b = { version: 1 as const, files: [file({ ci: null }, false)], createdDirs: ['/h/x'] };
    assert.deepEqual(mergeWrittenProfiles(a, b), {
      version: 1,
      files: [file({ ci: null, cd: 'c'.repeat(64) }, true)],
      createdDirs: ['/h/.aws', '/h/x'],
    });
  });

  test('refuses a record it did not produce', async () => {
    await assert.rejects(removeProfiles({ version: 2 } as never), /unknown record version/);
    const bad = {
      version: 1,
      files: [{ path: '/x', kind: 'config', createdFile: false, sections: { 'a]': null } }],
      createdDirs: [],
    };
    await assert.rejects(removeProfiles(bad as never), /may only contain/);
  });
});
