import type { EnvChange } from '../exec/credential-env.ts';
import { FormatError } from './format-error.ts';

/**
 * The dotenv readers this format is written for: Node's `--env-file` and `util.parseEnv`, npm
 * `dotenv`, python-dotenv and `docker run --env-file`. They share no quoting: Docker takes everything
 * after the `=` verbatim, while the others strip quotes and disagree on escapes. So every value is
 * written bare, as `NAME=value`, and a value that some reader would read back differently is refused:
 * - a control character, line breaks among them (a line break ends the line; the others get trimmed);
 * - `#` anywhere (Node and npm dotenv start a comment there, Docker keeps it);
 * - `${` anywhere (python-dotenv expands it, the others keep it);
 * - whitespace at either end (all but Docker trim it; Python's idea of whitespace is wider than JS's);
 * - a quote `"`, `'` or `` ` `` at either end (all but Docker strip a pair of them).
 * Real STS keys, tokens, regions and expirations use none of these, so they are never refused.
 */
export function dotenvProblem(value: string): string | undefined {
  if (/\p{Cc}/u.test(value)) return 'a control character (a line break, perhaps)';
  if (value.includes('#')) return "a '#'";
  if (value.includes('${')) return "a '${'";
  const ends = [value.at(0), value.at(-1)].filter((char) => char !== undefined);
  if (ends.some((char) => /[\s\p{White_Space}\ufeff]/u.test(char))) return 'whitespace at its start or end';
  if (ends.some((char) => `"'\``.includes(char))) return 'a quote at its start or end';
  return undefined;
}

/** `value` as written after `NAME=`, or a FormatError naming the variable and the problem, never the value. */
export function quoteDotenv(name: string, value: string): string {
  const problem = dotenvProblem(value);
  if (problem !== undefined) {
    throw new FormatError(
      name,
      `the value contains ${problem}, which dotenv readers (node --env-file, dotenv, python-dotenv, docker --env-file) do not all read back the same`,
      'Use --format json or --format sh instead.',
    );
  }
  return value;
}

/**
 * `NAME=value` lines. A dotenv file is a complete set of variables (for `docker run --env-file`,
 * `node --env-file` and the like), not a change to a live shell, so variables to remove are omitted.
 */
export function renderDotenv(changes: readonly EnvChange[]): string {
  const lines = changes.flatMap(({ name, value }) =>
    value === undefined ? [] : [`${name}=${quoteDotenv(name, value)}`],
  );
  return `${lines.join('\n')}\n`;
}
