import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import {
  CmdHazard,
  cmdParse,
  cmdQuoteRule,
  type Launcher,
  runBatch,
  throughCmd,
  withBotocore,
} from '../../__fixtures__/profiles/windows-launchers.ts';
import { launcherText, windowsCredentialProcess } from '../../src/profiles/windows-credential-process.ts';

const botocoreMissing = skipOn.botocore();
const LAUNCHERS: Launcher[] = ['js-sdk', 'dotnet', 'go', 'java'];
const LAUNCHER_DIR = 'D:\\a\\_temp';
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

const argvs: [string, string[]][] = [
  [
    'Node under Program Files, a checkout with a space, an inline policy',
    [
      'C:\\Program Files\\nodejs\\node.exe',
      'D:\\a\\my repo\\dist\\cli.js',
      '--format',
      'process',
      '--cache',
      '--source',
      'oidc',
      '--role-arn',
      'arn:aws:iam::111122223333:role/ci',
      '--policy',
      POLICY,
    ],
  ],
  [
    'parentheses, &, ^ and % in the paths, operators and variables in the values',
    [
      'C:\\R&D ^1 (x86)\\100% node\\node.exe',
      'D:\\work\\R&D ^2 (copy)\\dist\\cli.js',
      '--tag',
      'team=a b&c|d<e>f',
      '--tag',
      'pct=100%PATH%!x!',
      '--external-id',
      'a^b"c',
    ],
  ],
  [
    'backslashes before quotes and at the end',
    [
      'C:\\node\\node.exe',
      'C:\\dir with space\\',
      '--x',
      'a\\"b\\\\',
      '--y',
      '\\\\server\\share\\',
      '--z',
      '',
    ],
  ],
  [
    'plain words only (no launcher needed)',
    [
      'C:\\hostedtoolcache\\node\\node.exe',
      'D:\\a\\r\\dist\\cli.js',
      '--format',
      'process',
      '--role-arn',
      'arn:aws:iam::1:role/x',
    ],
  ],
];

const ISSUE_393 =
  '"C:\\Program Files\\PowerShell\\7\\pwsh.exe" -ExecutionPolicy Bypass -File "C:\\path_without_spaces\\GetCredentials.ps1"';

const planned = argvs.map(([what, argv]) => {
  const { line, launcher } = windowsCredentialProcess(argv, LAUNCHER_DIR);
  const program = launcher?.path ?? argv[0] ?? '';
  const isExecutable = (path: string) => path === program;
  // What node.exe is started with: by the launcher, or by cmd.exe straight from the line.
  const nodeCommand = launcher ? runBatch(launcher.text) : throughCmd('dotnet', line, isExecutable);
  return { what, argv, line, launcher, program, isExecutable, nodeCommand };
});

/** One python process for every line botocore splits (it starts slowly on a busy machine). */
const toSplit = [ISSUE_393, ...planned.flatMap(({ line, nodeCommand }) => [line, nodeCommand.commandLine])];
let botocore: ReturnType<typeof withBotocore> | undefined;
const botocoreRun = () => {
  botocore ??= withBotocore(
    toSplit,
    planned.map(({ line }) => [line]),
  );
  return botocore;
};
const botocoreSplit = (line: string) => botocoreRun().split[toSplit.indexOf(line)];
const botocoreJoin = (line: string) => botocoreRun().join[planned.findIndex((plan) => plan.line === line)];

describe('the launcher models reproduce the reported failures', () => {
  const pwsh = 'C:\\Program Files\\PowerShell\\7\\pwsh.exe';
  const issue393 = ISSUE_393;
  const isExecutable = (path: string) => path === pwsh;

  test('aws-tools-for-powershell#393: .NET runs C:\\Program', () => {
    assert.equal(throughCmd('dotnet', issue393, isExecutable).program, 'C:\\Program');
  });

  test('aws-sdk-go-v2#3208: Go runs \\"C:\\Program', () => {
    assert.equal(throughCmd('go', issue393, isExecutable).program, '\\"C:\\Program');
  });

  test('the JS SDK runs the same line (its /s keeps the inner quotes)', () => {
    assert.equal(throughCmd('js-sdk', issue393, isExecutable).program, pwsh);
  });

  test('botocore splits it as intended', { skip: botocoreMissing }, () => {
    assert.deepEqual(botocoreSplit(issue393), [
      pwsh,
      '-ExecutionPolicy',
      'Bypass',
      '-File',
      'C:\\path_without_spaces\\GetCredentials.ps1',
    ]);
  });

  test('cmd /c keeps a lone quoted executable path (the first rule of cmd /?)', () => {
    assert.equal(cmdQuoteRule(`"${pwsh}"`, false, isExecutable), `"${pwsh}"`);
    assert.equal(throughCmd('dotnet', `"${pwsh}"`, isExecutable).program, pwsh);
  });

  test('the JS SDK expands %VARS% and splits at & outside quotes', () => {
    assert.throws(() => throughCmd('js-sdk', 'C:\\n\\node.exe --tag %PATH%', isExecutable), CmdHazard);
    assert.throws(() => cmdParse('C:\\n\\node.exe a&b', 'command-line'), CmdHazard);
  });
});

describe('credential_process on Windows', () => {
  for (const { what, argv, line, launcher, program, isExecutable, nodeCommand } of planned) {
    describe(what, () => {
      test('the line is plain words, or the launcher path alone', () => {
        assert.match(line, /^[\w@+=:,./\\ -]+$/);
        if (launcher) assert.match(line, /^D:\\a\\_temp\\assume-aws-role-[0-9a-f]{16}\.cmd$/);
        assert.equal(launcher === undefined, what.startsWith('plain'));
      });

      for (const client of LAUNCHERS) {
        test(`${client} starts ${launcher ? 'the launcher' : 'node'} with the line as written`, () => {
          const command = throughCmd(client, line, isExecutable);
          assert.equal(command.program, program);
          if (launcher) assert.equal(command.commandLine, launcher.path);
        });
      }

      test('botocore splits the line into exactly the intended argv', { skip: botocoreMissing }, () => {
        assert.deepEqual(botocoreSplit(line), launcher ? [launcher.path] : argv);
        // Popen starts a .cmd through cmd.exe /c, with list2cmdline's command line.
        const joined = botocoreJoin(line) ?? '';
        if (launcher)
          assert.equal(cmdParse(cmdQuoteRule(joined, false, isExecutable), 'command-line').program, program);
      });

      test('node.exe receives exactly the intended argv', { skip: botocoreMissing }, () => {
        assert.equal(nodeCommand.program, argv[0]);
        // botocore's splitter follows the C runtime rules node.exe parses its command line with.
        assert.deepEqual(botocoreSplit(nodeCommand.commandLine), argv);
      });
    });
  }

  test('the launcher file, byte for byte', () => {
    const text = launcherText([
      'C:\\Program Files\\nodejs\\node.exe',
      'D:\\a\\r (1)\\cli.js',
      '--tag',
      'a="b&c"',
      '--x',
      '50%',
    ]);
    assert.equal(
      text,
      '@echo off\r\nsetlocal DisableDelayedExpansion\r\n' +
        '"C:\\Program Files\\nodejs\\node.exe" ^"D:\\a\\r ^(1^)\\cli.js^" ^"--tag^" ^"a=\\^"b^&c\\^"^" ^"--x^" ^"50%%^"\r\n',
    );
  });

  test('the same argv gives the same launcher name; another argv another one', () => {
    const [, argv] = argvs[0] ?? ['', []];
    const again = windowsCredentialProcess([...argv], LAUNCHER_DIR);
    const other = windowsCredentialProcess([...argv, '--duration', '900'], LAUNCHER_DIR);
    assert.equal(again.line, windowsCredentialProcess(argv, LAUNCHER_DIR).line);
    assert.notEqual(other.line, again.line);
  });

  const badDirs = [
    'C:\\Users\\John Smith\\.aws',
    'C:\\Users\\Jürgen\\.aws',
    '\\\\server\\share',
    'relative\\dir',
    'C:\\a&b',
  ];
  for (const dir of badDirs) {
    test(`refuses a launcher directory not every SDK can start from: ${dir}`, () => {
      assert.throws(() => windowsCredentialProcess(['C:\\n\\node.exe', 'a b'], dir), {
        name: 'ProfileFileError',
        message: /is not a path every SDK on Windows can start as written/,
      });
    });
  }

  const badArgv: [string, string[]][] = [
    ['a line break in a value', ['C:\\n\\node.exe', 'cli.js', '--tag', 'a=b\r\nc']],
    [
      'a non-ASCII character (batch files are read in the OEM code page)',
      ['C:\\Users\\Jürgen\\node.exe', 'cli.js'],
    ],
    ['a quote in the path of node.exe', ['C:\\n"\\node.exe', 'cli.js']],
  ];
  for (const [what, argv] of badArgv) {
    test(`refuses ${what}, naming no value`, () => {
      assert.throws(
        () => windowsCredentialProcess(argv, LAUNCHER_DIR),
        (error: Error) => {
          assert.equal(error.name, 'ProfileFileError');
          assert.doesNotMatch(error.message, /a=b|Jürgen/);
          return true;
        },
      );
    });
  }
});
