// Parses `::name key=value,...::message` lines the way the runner does (ActionCommand.TryParseV2),
// including `::stop-commands::TOKEN`, which turns command processing off until `::TOKEN::`.
import type { WorkflowCommand } from './types.ts';

const COMMAND_KEY = '::';

/** Names the runner acts on; any other `::x::` line is plain log text. */
export const KNOWN_COMMANDS: ReadonlySet<string> = new Set([
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
  // Deprecated or disabled on the runner, but listed so a test can see an action still uses them.
  'set-output',
  'save-state',
  'set-env',
  'add-path',
]);

// The runner applies these in order with plain string replacement, so `%25` is decoded last.
const DATA_ESCAPES: ReadonlyArray<[string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];
const PROPERTY_ESCAPES: ReadonlyArray<[string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];

function decode(value: string, escapes: ReadonlyArray<[string, string]>): string {
  return escapes.reduce((text, [escaped, token]) => text.replaceAll(escaped, token), value);
}

/** One line, or undefined when the runner would not treat it as a command (named in `known`). */
export function parseCommandLine(
  line: string,
  known: ReadonlySet<string> = KNOWN_COMMANDS,
): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith(COMMAND_KEY)) return undefined;
  const end = message.indexOf(COMMAND_KEY, COMMAND_KEY.length);
  if (end < 0) return undefined;
  const info = message.slice(COMMAND_KEY.length, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!known.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const property of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const equals = property.indexOf('=');
      // The runner drops a property whose key or value is empty.
      if (equals <= 0 || equals === property.length - 1) continue;
      properties[property.slice(0, equals)] = decode(property.slice(equals + 1), PROPERTY_ESCAPES);
    }
  }
  return { name, properties, message: decode(message.slice(end + COMMAND_KEY.length), DATA_ESCAPES) };
}

/** Every command in a log, in order, honouring stop-commands. */
export function parseWorkflowCommands(output: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let resumeToken: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (resumeToken !== undefined) {
      if (parseCommandLine(line, new Set([resumeToken])) !== undefined) resumeToken = undefined;
      continue;
    }
    const command = parseCommandLine(line);
    if (command === undefined) continue;
    commands.push(command);
    if (command.name === 'stop-commands' && command.message !== '') resumeToken = command.message;
  }
  return commands;
}

/** Values the runner would mask from here on: non-blank add-mask messages. */
export function masksOf(commands: readonly WorkflowCommand[]): string[] {
  return commands
    .filter((command) => command.name === 'add-mask' && command.message.trim() !== '')
    .map((command) => command.message);
}
