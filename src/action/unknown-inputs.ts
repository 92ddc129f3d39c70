import { INPUT_NAMES } from '../constants.ts';

const PREFIX = 'INPUT_';
/** As the runner names them: `role-arn` → `INPUT_ROLE-ARN` (spaces would become underscores). */
const DECLARED = new Set(INPUT_NAMES.map((name) => `${PREFIX}${name.replaceAll(' ', '_').toUpperCase()}`));

/**
 * The runner's own warning for INPUT_* variables action.yml does not declare, or undefined when there
 * are none. The action never reads them; the warning tells whoever set one (a `with:` key, a step's env).
 */
export function unknownInputsWarning(env: NodeJS.ProcessEnv): string | undefined {
  const unknown = Object.keys(env)
    .filter((name) => name.toUpperCase().startsWith(PREFIX) && !DECLARED.has(name.toUpperCase()))
    .map((name) => name.slice(PREFIX.length).toLowerCase())
    .sort();
  if (unknown.length === 0) return undefined;
  const list = (names: readonly string[]) => names.map((name) => `'${name}'`).join(', ');
  return `Unexpected input(s) ${list(unknown)}, valid inputs are [${list(INPUT_NAMES)}]`;
}
