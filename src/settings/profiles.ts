import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { quote } from './quote.ts';
import { nonBlankLines } from './read-inputs.ts';
import { parseRoleChain } from './role-chain.ts';
import { PROFILE_NAME } from './rules.ts';
import type { ProfileTarget } from './settings.ts';
import { describeRule, textProblem } from './text-check.ts';

const NAME_FIX = `A profile name is ${describeRule(PROFILE_NAME)}, so that it cannot add lines or sections to the shared INI files`;
const LINE_FIX =
  "Write one profile per line as 'NAME: ROLE_ARN [-> ROLE_ARN ...]', e.g. 'prod: arn:aws:iam::123456789012:role/deploy'";

/**
 * The profiles to write, from `profile` (one name, continuing the common chain) or `profiles`.
 *
 * `profiles` grammar, one profile per line (blank lines and lines starting with '#' are skipped):
 *   NAME ':' WHITESPACE CHAIN   e.g. `team:prod: arn:aws:iam::1…:role/a -> arn:…`
 *   NAME ':' CHAIN              only when CHAIN starts with 'arn:' and no ':' is followed by whitespace
 *   NAME ':'                    no roles of its own (needs role-arn)
 * Names may contain ':' but never whitespace, so the first ':' followed by whitespace (or ending the
 * line) ends the name. Without one, the name ends at the first ':arn:' (so a name containing ':arn:'
 * needs the spaced form). Whitespace around the name is trimmed. CHAIN is role ARNs joined by '->'.
 */
export function parseProfiles(
  profile: string | undefined,
  profiles: string | undefined,
  commonChain: readonly string[],
): ProfileTarget[] {
  if (profile !== undefined && profiles !== undefined)
    throw new InputError(
      Inputs.profiles,
      "is given together with 'profile'; these inputs conflict",
      "Use 'profile' for one profile, or list every profile in 'profiles' (NAME: ROLE_ARN per line)",
    );
  if (profile !== undefined) {
    const name = checkedName(Inputs.profile, profile);
    // A profile holds assumed-role credentials: never the source's own, which may be long-lived keys.
    if (commonChain.length === 0)
      throw new InputError(
        Inputs.profile,
        `${quote(name)} would hold the source's own credentials, since role-arn is not given`,
        'Set role-arn to the role whose credentials the profile should hold',
      );
    return [{ name, roleArns: [] }];
  }
  if (profiles === undefined) return [];

  const targets: ProfileTarget[] = [];
  const lineOf = new Map<string, number>();
  for (const line of nonBlankLines(profiles)) {
    if (line.text.startsWith('#')) continue;
    const at = `line ${line.number}`;
    const parts = splitProfileLine(line.text);
    if (!parts)
      throw new InputError(
        Inputs.profiles,
        `${at}, ${quote(line.text)}, has no ': ' after the profile name`,
        LINE_FIX,
      );
    const name = checkedName(Inputs.profiles, parts.name, `${at}: the name `);
    const earlier = lineOf.get(name);
    if (earlier !== undefined)
      throw new InputError(
        Inputs.profiles,
        `${at}: profile ${quote(name)} is already defined on line ${earlier}`,
        'Give each profile once',
      );
    lineOf.set(name, line.number);
    const roleArns = parseRoleChain(parts.chain, Inputs.profiles, `${at} (profile ${quote(name)}): `);
    if (roleArns.length === 0 && commonChain.length === 0)
      throw new InputError(
        Inputs.profiles,
        `${at}: profile ${quote(name)} has no role, and role-arn is not given`,
        `Give its role after the name (${name}: arn:aws:iam::123456789012:role/NAME), or set role-arn`,
      );
    targets.push({ name, roleArns });
  }
  if (targets.length === 0)
    throw new InputError(Inputs.profiles, 'lists no profile (only blank or # lines)', LINE_FIX);
  return targets;
}

/** Splits `NAME: CHAIN` (see parseProfiles); undefined when the line has no separator. */
export function splitProfileLine(text: string): { name: string; chain: string } | undefined {
  const spaced = /:(?=\s|$)/.exec(text);
  const index = spaced ? spaced.index : text.indexOf(':arn:');
  if (index < 0) return undefined;
  return { name: text.slice(0, index).trim(), chain: text.slice(index + 1).trim() };
}

function checkedName(input: string, name: string, where = ''): string {
  const problem = textProblem(name, PROFILE_NAME);
  if (problem) throw new InputError(input, `${where}${problem}`, NAME_FIX);
  return name;
}
