/** The header model is checked against the real parsers, not against itself. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import { readWithBotocore, readWithSdk } from '../../__fixtures__/profiles/shared-file-readers.ts';
import { tempHome } from '../../__fixtures__/profiles/temp-home.ts';
import { planWrite } from '../../src/profiles/plan-edits.ts';
import { shlexSplit } from '../../src/profiles/shlex-split.ts';
import { PYTHON } from '../../testing/system-tools.ts';

test('splits headers exactly as Python shlex.split does', { skip: skipOn.botocore() }, () => {
  const inputs = [
    'profile x',
    'profile  x ',
    'profile\tx',
    'profile "x"',
    "profile 'x y'",
    'profile "a\\"b"',
    'profile "a\\b"',
    'profile a\\ b',
    'profile ""',
    "profile 'x",
    'profile x\\',
    'profile "x\\',
    'profilex  "q"r\'s\'',
    'profile \u00a0x',
  ];
  const python = spawnSync(
    PYTHON,
    [
      '-c',
      'import json,shlex,sys\nout=[]\nfor s in json.load(sys.stdin):\n  try: out.append(shlex.split(s))\n  except ValueError: out.append(None)\nprint(json.dumps(out))',
    ],
    { input: JSON.stringify(inputs), encoding: 'utf8' },
  );
  const expected = JSON.parse(python.stdout) as (string[] | null)[];
  assert.deepEqual(
    inputs.map((input) => shlexSplit(input) ?? null),
    expected,
  );
});

test('botocore reads each header variant this module calls "profile ci" as profile ci', {
  skip: skipOn.botocore(),
}, async (t) => {
  const { home } = await tempHome(t);
  const variants = [
    '[profile  ci ]',
    '[profile\tci]',
    '[profile "ci"]',
    "[profile 'ci']",
    '[profilex ci]',
    '[profile ci] # c',
  ];
  const cases = [];
  for (const [index, header] of variants.entries()) {
    const config = join(home, `config-${index}`);
    await writeFile(config, `[default]\nregion = x\n${header}\nregion = theirs\n`);
    cases.push({ credentials: join(home, 'none'), config });
  }
  for (const [index, result] of readWithBotocore(cases).entries()) {
    assert.equal(result.config.profiles.ci?.region, 'theirs', variants[index]);
  }
});

test('after writing next to look-alike headers, both parsers read our profile and theirs unchanged', {
  skip: skipOn.botocore(),
}, async (t) => {
  const { home } = await tempHome(t);
  const lookAlikes = [
    '[ profile ci ]',
    '[profile ci extra]',
    '[profile-ci]',
    '[ci]',
    '[sso-session ci]',
    '[services ci]',
  ];
  const cases = [];
  for (const [index, header] of lookAlikes.entries()) {
    const before = `${header}\nregion = theirs\n`;
    const [, config] = planWrite(
      [
        { path: join(home, 'c'), kind: 'credentials', text: undefined },
        { path: join(home, `config-${index}`), kind: 'config', text: before },
      ],
      [{ name: 'ci', region: 'ours' }],
      { overwrite: false },
    );
    assert.ok(config);
    assert.ok(config.newText.startsWith(before));
    await writeFile(config.path, config.newText, 'latin1');
    cases.push({ credentials: join(home, 'none'), config: config.path });
    const sdk = await readWithSdk(join(home, 'none'), config.path);
    assert.equal(sdk.configFile.ci?.region, 'ours', header);
  }
  for (const [index, result] of readWithBotocore(cases).entries()) {
    assert.equal(result.config.error, undefined, lookAlikes[index]);
    assert.equal(result.config.profiles.ci?.region, 'ours', lookAlikes[index]);
  }
});
