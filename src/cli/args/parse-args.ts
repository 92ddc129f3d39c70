import { DEFAULT_FORMAT, FORMATS, type Format, isFormat } from '../formats/output-formats.ts';
import { CLI_OPTIONS, type OptionSpec, suggestOption, takesValue } from './cli-options.ts';
import { OPTION_LIKE, SECRET_OPTIONS, shown } from './shown-argument.ts';
import { parseTrustPolicyArgs, TRUST_POLICY_COMMAND, type TrustPolicyCommand } from './trust-policy-args.ts';
import { UsageError } from './usage-error.ts';

export { HELP_TEXT } from './help-text.ts';
export { UsageError } from './usage-error.ts';

export interface RunCommand {
  readonly kind: 'run';
  /** Action-input names (as in action.yml) to raw values, ready for parseCliSettings. Only given options appear. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly format: Format;
  /** Everything after `--`: the command to run with the credentials. */
  readonly command?: readonly string[];
  readonly mfaSerial?: string;
  readonly mfaCode?: string;
  readonly sourceProfile?: string;
  readonly credentialProcessCache?: boolean;
  /** Log each decision to stderr (as ASSUME_AWS_ROLE_DEBUG=1 does). */
  readonly verbose?: boolean;
}

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'trust-policy'; readonly command: TrustPolicyCommand }
  | RunCommand;

const PROFILE_SOURCE = 'profile';
const LINE_BREAK = /[\r\n]/;

/**
 * Reads the command line. `-h`/`--help` and `-V`/`--version` win as soon as they are reached;
 * anything wrong before them, or anywhere in a run, throws a UsageError naming the option.
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  if (argv[0] === TRUST_POLICY_COMMAND)
    return { kind: 'trust-policy', command: parseTrustPolicyArgs(argv.slice(1)) };
  const values = new Map<OptionSpec, string[]>();
  let command: readonly string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      command = argv.slice(i + 1);
      break;
    }
    const { spec, inlineValue } = lookUp(arg, i);
    let value = '';
    if (takesValue(spec)) {
      value = inlineValue ?? argv[++i] ?? missingValue(spec);
      if (inlineValue === undefined && value.startsWith('-') && value !== '-') missingValue(spec, value, i);
    } else if (inlineValue !== undefined) {
      throw new UsageError(`Option --${spec.name} takes no value (got ${shown(inlineValue, i)} after '=').`);
    }
    if (spec.target.kind === 'flag' && (spec.target.field === 'help' || spec.target.field === 'version'))
      return { kind: spec.target.field };
    const seen = values.get(spec) ?? [];
    if (seen.length > 0 && !(spec.target.kind === 'input' && spec.target.repeatable)) {
      throw new UsageError(`Option --${spec.name} was given more than once.`);
    }
    values.set(spec, [...seen, value]);
  }
  return buildRun(values, command);
}

function lookUp(arg: string, index: number): { spec: OptionSpec; inlineValue?: string } {
  if (arg.startsWith('--')) {
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    const spec = CLI_OPTIONS.find((option) => option.name === name);
    if (spec === undefined) {
      if (!OPTION_LIKE.test(name)) throw new UsageError(`Unknown option ${shown(arg, index)}.`);
      const suggestion = suggestOption(name);
      throw new UsageError(`Unknown option --${name}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`);
    }
    return equals === -1 ? { spec } : { spec, inlineValue: arg.slice(equals + 1) };
  }
  const spec = arg.startsWith('-') ? CLI_OPTIONS.find((option) => `-${option.short}` === arg) : undefined;
  if (spec !== undefined) return { spec };
  if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${shown(arg, index)}.`);
  throw new UsageError(
    `Unexpected argument ${shown(arg, index)}. To run a command with the credentials, put it after --.`,
  );
}

function missingValue(spec: OptionSpec, next?: string, index = 0): never {
  const secret = SECRET_OPTIONS.has(spec.name);
  const found =
    next === undefined
      ? 'nothing followed it'
      : `it was followed by ${secret ? `argument ${index + 1} (not shown: it may be the secret)` : shown(next, index)}`;
  throw new UsageError(
    `Option --${spec.name} needs a value, but ${found}. For a value that starts with '-', write --${spec.name}=VALUE.`,
  );
}

function buildRun(values: Map<OptionSpec, string[]>, command: readonly string[] | undefined): RunCommand {
  const inputs: Record<string, string> = {};
  const fields: Partial<Record<'format' | 'sourceProfile' | 'mfaSerial' | 'mfaCode', string>> = {};
  let cache = false;
  let verbose = false;
  for (const [spec, given] of values) {
    const { target } = spec;
    if (target.kind === 'input') {
      if (target.repeatable) refuseLineBreaks(spec, given);
      inputs[target.input] = given.join('\n');
    } else if (target.kind === 'input-flag') {
      inputs[target.input] = 'true';
    } else if (target.kind === 'value') {
      fields[target.field] = given[0] ?? '';
    } else if (target.field === 'verbose') {
      verbose = true;
    } else {
      cache = true;
    }
  }
  const format = checkFormat(fields.format);
  if (fields.sourceProfile !== undefined) inputs.source = checkProfileSource(inputs.source);
  checkCombinations(format, fields.format !== undefined, cache, command);
  checkProfileCombinations(inputs, fields.format !== undefined, command);
  return {
    kind: 'run',
    inputs,
    format,
    ...(command === undefined ? {} : { command }),
    ...(fields.mfaSerial === undefined ? {} : { mfaSerial: fields.mfaSerial }),
    ...(fields.mfaCode === undefined ? {} : { mfaCode: fields.mfaCode }),
    ...(fields.sourceProfile === undefined ? {} : { sourceProfile: fields.sourceProfile }),
    ...(cache ? { credentialProcessCache: true } : {}),
    ...(verbose ? { verbose: true } : {}),
  };
}

/** Repeated values are joined by newlines, so a newline inside one would silently split it in two. */
function refuseLineBreaks(spec: OptionSpec, given: readonly string[]): void {
  if (given.some((value) => LINE_BREAK.test(value))) {
    throw new UsageError(
      `A value of --${spec.name} contains a line break. Repeat --${spec.name} once per value.`,
    );
  }
}

function checkFormat(format: string | undefined): Format {
  if (format === undefined) return DEFAULT_FORMAT;
  if (isFormat(format)) return format;
  throw new UsageError(`Unknown format '${format}' for --format. Use one of: ${FORMATS.join(', ')}.`);
}

function checkProfileSource(source: string | undefined): string {
  if (source === undefined || source === PROFILE_SOURCE) return PROFILE_SOURCE;
  throw new UsageError(
    `--source-profile starts from a profile, but --source says '${source}'. Drop one of the two.`,
  );
}

function checkCombinations(
  format: Format,
  formatGiven: boolean,
  cache: boolean,
  command: readonly string[] | undefined,
): void {
  if (command !== undefined) {
    if (command.length === 0) throw new UsageError('Nothing follows --. Put the command to run after it.');
    if (formatGiven)
      throw new UsageError('--format has no effect with a command after --: drop one of the two.');
    if (cache) throw new UsageError('--cache applies to --format process, not to a command after --.');
  }
  if (cache && format !== 'process') {
    throw new UsageError('--cache applies only with --format process (a credential_process).');
  }
}

/** Written profiles are the hand-over: nothing is printed or run with them. */
function checkProfileCombinations(
  inputs: Readonly<Record<string, string>>,
  formatGiven: boolean,
  command: readonly string[] | undefined,
): void {
  const option =
    inputs.profile !== undefined ? '--profile' : inputs.profiles !== undefined ? '--profiles' : '';
  if (option === '') return;
  if (formatGiven)
    throw new UsageError(
      `${option} writes the credentials to the shared files, so --format has nothing to print: drop one of the two.`,
    );
  if (command !== undefined)
    throw new UsageError(
      `${option} writes the credentials to the shared files and runs nothing: drop the command after --, and run it afterwards with AWS_PROFILE set to the profile.`,
    );
}
