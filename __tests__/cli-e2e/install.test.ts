// The package installs like any CLI: `npm install -g` of the packed tarball puts assume-aws-role on PATH.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { test } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
// Straight from processes.ts and test-build.ts: this suite needs no AWS test server, so it does not load one.
import { freshHome, NODE, runProcess } from '../../testing/e2e/processes.ts';
import { builtActionDir } from '../../testing/e2e/test-build.ts';

// On Windows npm and the installed command are .cmd files, which only a shell runs.
const SKIP = process.platform === 'win32' && 'runs npm and the installed command without a shell';

test('npm pack, then npm install -g of the tarball offline, puts a working assume-aws-role on PATH', {
  skip: SKIP,
}, async () => {
  const home = await freshHome();
  try {
    // A clean npm: no user config, an empty cache and --offline, so the install needs nothing but the tarball.
    const env = {
      PATH: home.env.PATH ?? '',
      HOME: home.home,
      npm_config_cache: join(home.home, 'npm-cache'),
    };
    const npm = async (args: string[], cwd: string) => {
      const result = await runProcess('npm', args, env, { cwd, timeoutMs: 60_000 });
      assert.equal(result.code, 0, `npm ${args.join(' ')}: ${result.stderr}`);
      return result;
    };
    // The package of the current source: the build under test, laid out as the repository is.
    await npm(['pack', '--pack-destination', home.home], builtActionDir());
    const [tarball, ...others] = (await readdir(home.home)).filter((name) => name.endsWith('.tgz'));
    assert.equal(others.length, 0);
    assert.equal(tarball, `${packageJson.name}-${packageJson.version}.tgz`);

    const prefix = join(home.home, 'prefix');
    await npm(['install', '-g', '--offline', '--prefix', prefix, join(home.home, tarball ?? '')], home.home);

    // The command npm linked runs with the first node on PATH, as at a person's prompt.
    const path = [join(prefix, 'bin'), dirname(NODE), home.env.PATH ?? ''].join(delimiter);
    const version = await runProcess(join(prefix, 'bin', 'assume-aws-role'), ['--version'], {
      ...home.env,
      PATH: path,
    });
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout, `${packageJson.version}\n`);
  } finally {
    await home.remove();
  }
});
