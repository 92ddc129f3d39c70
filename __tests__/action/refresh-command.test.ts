import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runBatch, throughCmd } from '../../__fixtures__/profiles/windows-launchers.ts';
import { parseActionSettings } from '../../src/action/action-settings.ts';
import { refreshCommand } from '../../src/action/refresh-command.ts';

const inputs: Record<string, string> = {
  'role-arn': 'arn:aws:iam::111122223333:role/deploy',
  'session-name': 'ci',
  region: 'eu-west-1',
  refresh: 'true',
  profile: 'deploy',
  'inline-session-policy':
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
  'session-tags': 'team=R and D',
};
const settings = parseActionSettings((name) => inputs[name] ?? '', {}, { defaultSessionName: 'unused' });
const target = { name: 'deploy', roleArns: [] };

describe('the refresh command', () => {
  test('on Windows: a launcher under the launcher directory, run as written by every client', () => {
    const command = refreshCommand(settings, target, {
      nodePath: 'C:\\Program Files\\nodejs\\node.exe',
      cliPath: 'C:\\actions-runner\\_work\\_actions\\o\\assume-aws-role\\v1\\dist\\cli.js',
      source: 'imds',
      platform: 'win32',
      launcherDir: 'D:\\a\\_temp\\assume-aws-role-cache',
    });
    assert.ok(command.launcher);
    assert.match(command.line, /^D:\\a\\_temp\\assume-aws-role-cache\\assume-aws-role-[0-9a-f]{16}\.cmd$/);
    for (const client of ['js-sdk', 'dotnet', 'go', 'java'] as const) {
      assert.equal(throughCmd(client, command.line, (path) => path === command.line).program, command.line);
    }
    const node = runBatch(command.launcher.text);
    assert.equal(node.program, 'C:\\Program Files\\nodejs\\node.exe');
    assert.ok(node.commandLine.includes('"--tag" "team=R and D"'), node.commandLine);
    assert.ok(node.commandLine.includes(String.raw`"--policy" "{\"Version\":`), node.commandLine);
  });

  test('on Windows without a launcher directory, it is a bug, not a guess', () => {
    const runtime = {
      nodePath: 'C:\\n\\node.exe',
      cliPath: 'C:\\a\\cli.js',
      source: 'imds',
      platform: 'win32' as const,
    };
    assert.throws(() => refreshCommand(settings, target, runtime), /launcher directory/);
  });

  test('on POSIX: one shell-quoted line, no launcher', () => {
    const command = refreshCommand(settings, target, {
      nodePath: '/usr/bin/node',
      cliPath: '/home/runner/work/_actions/o/assume-aws-role/v1/dist/cli.js',
      source: 'imds',
      platform: 'linux',
    });
    assert.equal(command.launcher, undefined);
    assert.match(
      command.line,
      /^\/usr\/bin\/node \/home\/runner\/.*\/dist\/cli\.js --format process --cache --source imds /,
    );
    assert.match(command.line, / --tag 'team=R and D' /);
  });

  test("a relative web-identity token file becomes absolute from the step's directory", () => {
    const withFile = parseActionSettings(
      (name) => ({ ...inputs, 'web-identity-token-file': 'tokens/id.jwt' })[name] ?? '',
      {},
      { defaultSessionName: 'unused' },
    );
    const command = refreshCommand(withFile, target, {
      nodePath: '/usr/bin/node',
      cliPath: '/opt/assume-aws-role/dist/cli.js',
      source: 'web-identity',
      platform: 'linux',
      cwd: '/home/runner/work/repo',
    });
    assert.match(command.line, / --web-identity-token-file \/home\/runner\/work\/repo\/tokens\/id\.jwt /);
  });
});
