import { CliInputs } from '../../constants.ts';
import { InputError } from '../../errors.ts';
import { CLI_OPTIONS } from './cli-options.ts';

/** Each input the CLI takes, and the option that sets it: `session-tags` is `--tag`. */
const OPTION_OF: ReadonlyMap<string, string> = new Map([
  ...CLI_OPTIONS.flatMap((spec) =>
    spec.target.kind === 'input' || spec.target.kind === 'input-flag'
      ? [[spec.target.input, `--${spec.name}`] as const]
      : [],
  ),
  ...Object.values(CliInputs).map((input) => [input, `--${input}`] as const),
]);
/** Names only an input can have (hyphenated), longest first, so none is replaced inside another. */
const NAMED_INPUTS = [...OPTION_OF.keys()]
  .filter((input) => input.includes('-'))
  .sort((a, b) => b.length - a.length);
const INPUT_NAME = new RegExp(`(?<![\\w/-])(${NAMED_INPUTS.join('|')})(?![\\w/-])`, 'g');

/** The CLI has no key options: it takes keys from the environment or from a profile. */
const KEY_INPUTS = /aws-access-key-id and aws-secret-access-key|aws-access-key-id|aws-secret-access-key/g;
const KEYS_IN_CLI =
  'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (--source env) or keys in a profile (--source-profile NAME)';

/** Text written in the action's words (its input names) in the CLI's: option names, and where keys come from. */
export function inCliWords(text: string): string {
  return text
    .replace(/\boverwrite-profile: true\b/g, '--overwrite-profile')
    .replace(KEY_INPUTS, KEYS_IN_CLI)
    .replace(INPUT_NAME, (input) => OPTION_OF.get(input) ?? input);
}

/** A failed run's message as the CLI says it: a bad value names its option, not the action input. */
export function cliErrorMessage(error: unknown): string {
  if (error instanceof InputError) {
    const subject = OPTION_OF.get(error.input) ?? inCliWords(error.input);
    return `${subject}: ${inCliWords(error.problem)}. ${inCliWords(error.fix)}`;
  }
  return inCliWords(error instanceof Error ? error.message : String(error));
}
