/**
 * Models of how each AWS client on Windows starts a `credential_process` line, written from the
 * documentation cited at each function (Windows cannot run here). The C runtime's splitting is not
 * modelled: botocore's real splitter does it (windowsSplit), through Debian's python3-botocore.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./windows-split.py', import.meta.url));

/** botocore's compat_shell_split(line, 'win32') for each line, and list2cmdline for each argv. */
export function withBotocore(split: readonly string[], join: readonly string[][] = []) {
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify({ split, join }), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`botocore splitter failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { split: string[][]; join: string[] };
}

/** What cmd.exe runs: the program token it resolves, and the command line it hands that program. */
export interface CmdCommand {
  program: string;
  commandLine: string;
}

/** A command cmd.exe would not run as one plain command (an operator, an expansion). */
export class CmdHazard extends Error {}

/**
 * The quote rule of `cmd /c` and `cmd /s /c`, from `cmd /?`: the quotes are kept only when there is no /S,
 * exactly two quotes, no special character (&<>()@^|) between them, whitespace between them, and the
 * text between them names an executable file. Otherwise, if the text starts with a quote, the first quote
 * and the last quote are removed, keeping any text after the last quote.
 */
export function cmdQuoteRule(afterSwitch: string, slashS: boolean, isExecutable: (path: string) => boolean) {
  const text = afterSwitch.replace(/^[ \t]+/, '');
  const quotes = [...text].filter((char) => char === '"').length;
  const first = text.indexOf('"');
  const last = text.lastIndexOf('"');
  const between = text.slice(first + 1, last);
  const keep =
    !slashS && quotes === 2 && !/[&<>()@^|]/.test(between) && /[ \t]/.test(between) && isExecutable(between);
  if (keep || !text.startsWith('"')) return text;
  return text.slice(1, last) + text.slice(last + 1);
}

/**
 * How cmd.exe parses one command (https://learn.microsoft.com/windows-server/administration/windows-commands/cmd
 * and `set /?`, `call /?`): first percent expansion, then ^ escapes and quotes, where an unescaped & | < >
 * outside quotes is an operator. On a command line (/c) `%NAME%` expands only when NAME is set; in a batch
 * file `%%` is a literal %, and every other % starts an expansion. Any expansion or operator is a hazard.
 */
export function cmdParse(line: string, mode: 'command-line' | 'batch'): CmdCommand {
  let text = line;
  if (mode === 'batch') {
    if (/%(?!%)/.test(text.replaceAll('%%', ''))) throw new CmdHazard(`batch expansion in ${line}`);
    text = text.replaceAll('%%', '%');
  } else if (/%[^%\s]+%/.test(text)) {
    throw new CmdHazard(`variable expansion in ${line}`);
  }
  let out = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (!quoted && char === '^') {
      out += text[++index] ?? '';
    } else if (char === '"') {
      quoted = !quoted;
      out += char;
    } else if (!quoted && /[&|<>]/.test(char)) {
      throw new CmdHazard(`operator ${char} in ${line}`);
    } else {
      out += char;
    }
  }
  const commandLine = out.replace(/^[ \t@]+/, '');
  const program = commandLine.startsWith('"')
    ? commandLine.slice(1, commandLine.indexOf('"', 1))
    : (commandLine.split(/[ \t]/)[0] ?? '');
  return { program, commandLine };
}

/**
 * Go's syscall.EscapeArg (os/exec builds the command line with it): backslashes doubled only before a
 * quote, each quote escaped as \", the whole wrapped in quotes when it holds a space or a tab.
 */
export function goEscapeArg(arg: string): string {
  if (arg === '') return '""';
  if (!/["\\ \t]/.test(arg)) return arg;
  const space = /[ \t]/.test(arg);
  let out = space ? '"' : '';
  let slashes = 0;
  for (const char of arg) {
    if (char === '\\') slashes++;
    else {
      if (char === '"') out += `${'\\'.repeat(slashes)}\\`;
      slashes = 0;
    }
    out += char;
  }
  return space ? `${out}${'\\'.repeat(slashes)}"` : out;
}

/**
 * The JDK's ProcessImpl on Windows, in its default (legacy) verification: an argument already in quotes
 * is passed as is; one with a space or a tab is wrapped in quotes, a trailing backslash doubled.
 */
export function javaQuote(arg: string): string {
  const quoted = arg.length > 1 && arg.startsWith('"') && arg.endsWith('"');
  if (quoted || !/[ \t]/.test(arg)) return arg;
  return `"${arg}${arg.endsWith('\\') ? '\\' : ''}"`;
}

export type Launcher = 'js-sdk' | 'dotnet' | 'go' | 'java';

/**
 * What cmd.exe receives after its /c switch from each client:
 * - JS SDK v3: child_process.exec, which runs `cmd.exe /d /s /c "<line>"` (Node's lib/child_process.js);
 * - .NET (ProcessAWSCredentials): Arguments = `/c ` + the trimmed line;
 * - Go SDK v2 (processcreds.DefaultNewCommandBuilder): exec.Command("cmd.exe", "/C", line);
 * - Java SDK v2 (ProcessCredentialsProvider): new ProcessBuilder("cmd.exe", "/C", line).
 */
export function throughCmd(launcher: Launcher, line: string, isExecutable: (path: string) => boolean) {
  switch (launcher) {
    case 'js-sdk':
      return cmdParse(cmdQuoteRule(`"${line}"`, true, isExecutable), 'command-line');
    case 'dotnet':
      return cmdParse(cmdQuoteRule(line.trim(), false, isExecutable), 'command-line');
    case 'go':
      return cmdParse(cmdQuoteRule(goEscapeArg(line), false, isExecutable), 'command-line');
    case 'java':
      return cmdParse(cmdQuoteRule(javaQuote(line), false, isExecutable), 'command-line');
  }
}

/**
 * Runs a launcher file as cmd.exe does: `@echo off` and `setlocal` lines set up, the one other line is
 * the command. Returns that command as cmd runs it.
 */
export function runBatch(text: string): CmdCommand {
  const lines = text.split('\r\n');
  if (lines.at(-1) !== '') throw new Error('a launcher ends with CRLF');
  const commands = lines
    .slice(0, -1)
    .filter((line) => !/^(@echo off|setlocal DisableDelayedExpansion)$/.test(line));
  if (commands.length !== 1) throw new Error(`a launcher runs one command, not ${commands.length}`);
  return cmdParse(commands[0] ?? '', 'batch');
}
