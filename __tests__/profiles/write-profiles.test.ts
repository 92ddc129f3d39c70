import assert from 'node:assert/strict';
import { chmod, mkdir, readdir, readFile, rmdir, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import { readWithBotocore, readWithSdk } from '../../__fixtures__/profiles/shared-file-readers.ts';
import { fakeCredentials, tempHome } from '../../__fixtures__/profiles/temp-home.ts';
import {
  mergeWrittenProfiles,
  type ProfileToWrite,
  removeProfiles,
  writeProfiles,
} from '../../src/profiles/index.ts';
import { sharedFiles } from '../../src/profiles/shared-files.ts';

const ci: ProfileToWrite = { name: 'ci', region: 'eu-west-1', credentials: fakeCredentials(1) };
const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;
const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );
/** A JSON round trip, as the record takes through the action's state. */
const viaState = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('files and permissions', () => {
  test('creates the files 0600 and the directory 0700, and both parsers read the profile', {
    skip: skipOn.posixModes() || skipOn.botocore(),
  }, async (t) => {
    const { paths } = await tempHome(t);
    await writeProfiles(paths, [ci], { overwrite: false });
    assert.equal(await mode(paths.credentialsFile), 0o600);
    assert.equal(await mode(paths.configFile), 0o600);
    assert.equal(await mode(dirname(paths.configFile)), 0o700);
    const sdk = await readWithSdk(paths.credentialsFile, paths.configFile);
    assert.equal(sdk.credentialsFile.ci?.aws_access_key_id, 'ASIAFAKE0001EXAMPLE');
    assert.equal(sdk.configFile.ci?.region, 'eu-west-1');
    const [boto] = readWithBotocore([
      { credentials: paths.credentialsFile, config: paths.configFile, resolve: ['ci'] },
    ]);
    assert.deepEqual(boto?.resolved.ci, [
      'ASIAFAKE0001EXAMPLE',
      'secret/0001+wJalrXUtnFEMI/K7MDENG',
      'FwoGZXIvYXdzE0001token//////////wEaDH',
    ]);
    assert.equal(boto?.config.profiles.ci?.region, 'eu-west-1');
  });

  test('tightens an existing 0644 file to 0600 and leaves no temp, journal or lock file', {
    skip: skipOn.posixModes(),
  }, async (t) => {
    const { paths } = await tempHome(t);
    await mkdir(dirname(paths.credentialsFile), { mode: 0o755 });
    await writeFile(paths.credentialsFile, '[mine]\naws_access_key_id = X\n', { mode: 0o644 });
    await chmod(paths.credentialsFile, 0o644);
    await writeProfiles(paths, [ci], { overwrite: false });
    assert.equal(await mode(paths.credentialsFile), 0o600);
    assert.equal(await mode(dirname(paths.credentialsFile)), 0o755, 'an existing directory keeps its mode');
    assert.deepEqual((await readdir(dirname(paths.credentialsFile))).sort(), ['config', 'credentials']);
  });

  const symlinked = [
    ['credentials file', 'credentialsFile', 'AWS_SHARED_CREDENTIALS_FILE'],
    ['config file', 'configFile', 'AWS_CONFIG_FILE'],
  ] as const;
  for (const [what, key, variable] of symlinked) {
    test(`refuses a symlinked ${what}, naming the path and the fix, and writes nothing`, {
      skip: skipOn.symlinks(),
    }, async (t) => {
      const { home, paths } = await tempHome(t);
      await mkdir(dirname(paths[key]));
      const real = join(home, 'real-file');
      await writeFile(real, '[mine]\nregion = x\n');
      await symlink(real, paths[key]);
      await assert.rejects(writeProfiles(paths, [ci], { overwrite: false }), {
        name: 'ProfileFileError',
        message: new RegExp(`^${paths[key]}: is a symbolic link.*Set ${variable} to the real file's path`),
      });
      assert.equal(await readFile(real, 'utf8'), '[mine]\nregion = x\n');
      assert.deepEqual((await readdir(dirname(paths[key]))).sort(), [
        key === 'configFile' ? 'config' : 'credentials',
      ]);
    });
  }

  test('refuses a symlinked .aws directory', { skip: skipOn.symlinks() }, async (t) => {
    const { home, paths } = await tempHome(t);
    await mkdir(join(home, 'elsewhere'));
    await symlink(join(home, 'elsewhere'), join(home, '.aws'));
    await assert.rejects(writeProfiles(paths, [ci], { overwrite: false }), {
      message: new RegExp(`^${join(home, '.aws')}: is a symbolic link`),
    });
    assert.deepEqual(await readdir(join(home, 'elsewhere')), []);
  });

  test('refuses the same path for both files', async (t) => {
    const { paths } = await tempHome(t);
    const same = { credentialsFile: paths.configFile, configFile: paths.configFile };
    await assert.rejects(
      writeProfiles(same, [ci], { overwrite: false }),
      /both the credentials file and the config/,
    );
  });

  test('makes the directory again when another job removes it between the check and the lock', async (t) => {
    const { paths } = await tempHome(t);
    const dir = dirname(paths.credentialsFile);
    await mkdir(dir, { mode: 0o700 });
    let removals = 0;
    const onDirectoriesReady = async () => {
      if (removals++ === 0) await rmdir(dir); // what another job's post does to the emptied directory
    };
    const record = await writeProfiles(paths, [ci], { overwrite: false, onDirectoriesReady });
    assert.equal(removals, 2, 'one retry');
    assert.match(await readFile(paths.credentialsFile, 'utf8'), /^\[ci\]$/m);
    assert.deepEqual(record.createdDirs, [dir], 'made by this write, so its cleanup may remove it');
  });

  test('treats two paths that differ only in case as one file where the file system folds case', () => {
    const paths = { credentialsFile: '/home/me/.aws/Config', configFile: '/home/me/.aws/config' };
    for (const [platform, refused] of [
      ['win32', true],
      ['darwin', true],
      ['linux', false],
    ] as const) {
      const run = () => sharedFiles(paths, platform);
      if (refused) assert.throws(run, /both the credentials file and the config/, platform);
      else assert.equal(run().length, 2, platform);
    }
  });
});

describe('ownership', () => {
  test("refuses to replace someone else's section, naming the file, the section and the fix", async (t) => {
    const { paths } = await tempHome(t);
    await mkdir(dirname(paths.configFile));
    await writeFile(paths.configFile, '[profile ci]\nregion = theirs\n');
    await assert.rejects(writeProfiles(paths, [ci], { overwrite: false }), {
      name: 'ProfileFileError',
      message: `${paths.configFile}: section [profile ci] (line 1) was not written by assume-aws-role. Set overwrite-profile: true to replace it, or choose another profile name`,
    });
    assert.equal(await exists(paths.credentialsFile), false, 'neither file is written');
  });

  test('with overwrite, replaces it; its own sections it replaces without overwrite', async (t) => {
    const { paths } = await tempHome(t);
    await mkdir(dirname(paths.configFile));
    await writeFile(paths.configFile, '[profile ci]\nregion = theirs\n');
    await writeProfiles(paths, [ci], { overwrite: true });
    await writeProfiles(paths, [{ ...ci, region: 'us-east-2' }], { overwrite: false });
    assert.equal(
      await readFile(paths.configFile, 'utf8'),
      '[profile ci]\n# assume-aws-role: managed\nregion = us-east-2\n',
    );
  });

  test('a refreshing profile gets credential_process and loses the credentials section it had', {
    skip: skipOn.botocore(),
  }, async (t) => {
    const { paths } = await tempHome(t);
    const first = await writeProfiles(paths, [ci], { overwrite: false });
    const second = await writeProfiles(
      paths,
      [{ name: 'ci', credentialProcess: 'assume-aws-role --profile ci' }],
      {
        overwrite: false,
      },
    );
    assert.equal(await readFile(paths.credentialsFile, 'utf8'), '');
    const [boto] = readWithBotocore([{ credentials: paths.credentialsFile, config: paths.configFile }]);
    assert.equal(boto?.config.profiles.ci?.credential_process, 'assume-aws-role --profile ci');
    const warnings = await removeProfiles(viaState(mergeWrittenProfiles(first, second)));
    assert.deepEqual(warnings, []);
    assert.equal(await exists(dirname(paths.configFile)), false);
  });
});
