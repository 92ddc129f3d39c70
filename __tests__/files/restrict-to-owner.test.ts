import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AclDeps, restrictToOwner, system32 } from '../../src/files/restrict-to-owner.ts';
import type { ToolResult } from '../../src/files/run-tool.ts';

const SID = 'S-1-5-21-1004336348-1177238915-682003330-1001';
const WHOAMI_OUT = `"ci-runner\\runneradmin","${SID}"\r\n`;

/** A fake @actions/exec: records each call's exact argv and answers from `answers` in turn. */
function fakeRunner(platform: NodeJS.Platform, answers: Partial<ToolResult>[], env: NodeJS.ProcessEnv = {}) {
  const calls: string[][] = [];
  const deps: AclDeps = {
    platform,
    env,
    run: async (tool, args) => {
      calls.push([tool, ...args]);
      return { exitCode: 0, stdout: '', stderr: '', ...answers[calls.length - 1] };
    },
  };
  return { deps, calls };
}

describe('restrict to owner', () => {
  test('a file: inheritance removed, full control for the user SID alone', async () => {
    const fake = fakeRunner('win32', [{ stdout: WHOAMI_OUT }, {}], { SystemRoot: 'C:\\Windows' });
    await restrictToOwner('C:\\Users\\runneradmin\\.aws\\credentials.tmp', 'file', fake.deps);
    assert.deepEqual(fake.calls, [
      ['C:\\Windows\\System32\\whoami.exe', '/user', '/fo', 'csv', '/nh'],
      [
        'C:\\Windows\\System32\\icacls.exe',
        'C:\\Users\\runneradmin\\.aws\\credentials.tmp',
        '/inheritance:r',
        '/grant:r',
        `*${SID}:(F)`,
      ],
    ]);
  });

  test('a directory: the entry is inherited by the files made in it', async () => {
    const fake = fakeRunner('win32', [{ stdout: WHOAMI_OUT }, {}]);
    await restrictToOwner('D:\\a\\_temp\\assume aws (role) & co', 'directory', fake.deps);
    assert.deepEqual(fake.calls[1]?.slice(1), [
      'D:\\a\\_temp\\assume aws (role) & co',
      '/inheritance:r',
      '/grant:r',
      `*${SID}:(OI)(CI)(F)`,
    ]);
  });

  test('asks whoami once for several paths', async () => {
    const fake = fakeRunner('win32', [{ stdout: WHOAMI_OUT }, {}, {}]);
    await restrictToOwner('C:\\a', 'file', fake.deps);
    await restrictToOwner('C:\\b', 'file', fake.deps);
    assert.deepEqual(
      fake.calls.map((call) => call[0]),
      [
        'C:\\Windows\\System32\\whoami.exe',
        'C:\\Windows\\System32\\icacls.exe',
        'C:\\Windows\\System32\\icacls.exe',
      ],
    );
  });

  test('the NETWORK SERVICE account of a runner service is named by its well-known SID', async () => {
    const fake = fakeRunner('win32', [{ stdout: '"nt authority\\network service","S-1-5-20"\r\n' }, {}]);
    await restrictToOwner('C:\\x', 'file', fake.deps);
    assert.equal(fake.calls[1]?.at(-1), '*S-1-5-20:(F)');
  });

  for (const platform of ['linux', 'darwin'] as const) {
    test(`does nothing on ${platform}, where the modes 0600 and 0700 apply`, async () => {
      const fake = fakeRunner(platform, []);
      await restrictToOwner('/home/u/.aws/credentials', 'file', fake.deps);
      assert.deepEqual(fake.calls, []);
    });
  }

  const badWhoami: [string, Partial<ToolResult>][] = [
    ['a failing whoami', { exitCode: 1, stdout: WHOAMI_OUT }],
    ['no SID in the output', { stdout: '"ci-runner\\runneradmin","runneradmin"\r\n' }],
    ['a SID with an injected argument', { stdout: '"x","S-1-5-20:(F) /grant:r Everyone"\r\n' }],
    ['empty output', { stdout: '' }],
  ];
  for (const [what, answer] of badWhoami) {
    test(`refuses ${what}, and runs no icacls`, async () => {
      const fake = fakeRunner('win32', [answer]);
      await assert.rejects(restrictToOwner('C:\\x', 'file', fake.deps), {
        name: 'AclError',
        message: /whoami\.exe: did not report the current user's SID.*icacls\.exe and whoami\.exe/,
      });
      assert.equal(fake.calls.length, 1);
    });
  }

  test('a failing icacls is an error naming the path (no secret is written after it)', async () => {
    const fake = fakeRunner('win32', [{ stdout: WHOAMI_OUT }, { exitCode: 5, stderr: 'Access is denied.' }]);
    await assert.rejects(restrictToOwner('C:\\x\\config.tmp', 'file', fake.deps), {
      name: 'AclError',
      message: /^C:\\x\\config\.tmp: icacls could not restrict it to you \(exit code 5\)/,
    });
  });
});

describe('System32', () => {
  const rows: [string, NodeJS.ProcessEnv, string][] = [
    ['from SystemRoot', { SystemRoot: 'D:\\WINDOWS' }, 'D:\\WINDOWS\\System32'],
    ['from SYSTEMROOT', { SYSTEMROOT: 'C:\\Win' }, 'C:\\Win\\System32'],
    ['the default when unset', {}, 'C:\\Windows\\System32'],
    ['the default for a relative SystemRoot', { SystemRoot: 'Windows' }, 'C:\\Windows\\System32'],
    ['the default for a SystemRoot with a quote', { SystemRoot: 'C:\\W"' }, 'C:\\Windows\\System32'],
    ['the default for a SystemRoot with a variable', { SystemRoot: 'C:\\%X%' }, 'C:\\Windows\\System32'],
  ];
  for (const [what, env, expected] of rows) test(what, () => assert.equal(system32(env), expected));
});

describe('the real @actions/exec behind #actions-exec', () => {
  test('runs a tool by absolute path and returns its exit code and output', async () => {
    const { runWithActionsExec } = await import('../../src/files/run-tool.ts');
    const result = await runWithActionsExec(process.execPath, [
      '-e',
      'process.stdout.write("a b"); process.exit(3)',
    ]);
    assert.deepEqual(result, { exitCode: 3, stdout: 'a b', stderr: '' });
  });
});
