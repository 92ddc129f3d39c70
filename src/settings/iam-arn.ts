import { quote } from './quote.ts';
import {
  ACCOUNT_ID,
  IAM_NAME_CHAR,
  IAM_NAME_MAX,
  PARTITIONS,
  POLICY_ARN,
  POLICY_NAME_MAX,
  ROLE_ARN,
} from './rules.ts';

export type IamArnKind = 'role' | 'policy';

export interface ArnProblem {
  readonly problem: string;
  readonly fix: string;
}

const SHAPE: Record<IamArnKind, string> = {
  role: 'arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME',
  policy: 'arn:PARTITION:iam::ACCOUNT:policy/[PATH/]NAME (ACCOUNT is aws for AWS managed policies)',
};
const EXAMPLE: Record<IamArnKind, string> = {
  role: 'arn:aws:iam::123456789012:role/deploy',
  policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
};
const PATTERN: Record<IamArnKind, RegExp> = { role: ROLE_ARN, policy: POLICY_ARN };
const NAME_MAX: Record<IamArnKind, number> = { role: IAM_NAME_MAX, policy: POLICY_NAME_MAX };

/**
 * What is wrong with an IAM role or policy ARN, field by field, or undefined when it matches the
 * pattern in rules.ts. A bare name is refused: the partition (aws, aws-cn, aws-us-gov, ...) is not guessed.
 */
export function iamArnProblem(value: string, kind: IamArnKind): ArnProblem | undefined {
  if (PATTERN[kind].test(value)) return undefined;
  const fix = `Give the full ARN, ${SHAPE[kind]}, e.g. ${EXAMPLE[kind]}`;
  const problem = (text: string): ArnProblem => ({ problem: `${quote(value)} ${text}`, fix });

  if (!value.startsWith('arn:')) {
    if (!/^[\w+=,.@/-]+$/.test(value)) return problem(`is not an ARN`);
    return {
      problem: `${quote(value)} is a ${kind} name, not an ARN`,
      fix: `${fix}. The partition is not guessed: it is aws-cn in China and aws-us-gov in GovCloud`,
    };
  }
  const fields = value.split(':');
  if (fields.length !== 6)
    return problem(`is not an IAM ${kind} ARN: it has ${fields.length} ':'-separated fields, not 6`);
  const [, partition = '', service = '', region = '', account = '', resource = ''] = fields;
  if (!PARTITIONS.includes(partition))
    return problem(`names partition ${quote(partition)}, which is not one of ${PARTITIONS.join(', ')}`);
  if (service !== 'iam') return problem(`is an ARN of service ${quote(service)}, not an IAM ${kind} ARN`);
  if (region !== '') return problem(`has region ${quote(region)}, but IAM ARNs have none ('iam::')`);
  if (!ACCOUNT_ID.test(account) && !(kind === 'policy' && account === 'aws'))
    return problem(`has account ${quote(account)}, but an account id is exactly 12 digits`);
  const [type, ...path] = resource.split('/');
  if (type !== kind || path.length === 0)
    return problem(`is not a ${kind} ARN: its resource is not '${kind}/NAME'`);
  return pathProblem(path, NAME_MAX[kind], problem) ?? problem(`is not an IAM ${kind} ARN`);
}

function pathProblem(
  path: readonly string[],
  nameMax: number,
  problem: (text: string) => ArnProblem,
): ArnProblem | undefined {
  for (const [index, segment] of path.entries()) {
    const what = index === path.length - 1 ? 'name' : 'path segment';
    const max = index === path.length - 1 ? nameMax : IAM_NAME_MAX;
    if (segment === '') return problem(`has an empty ${what} (check for a doubled or trailing '/')`);
    if (segment.length > max)
      return problem(`has a ${what} of ${segment.length} characters, longer than ${max}`);
    const bad = Array.from(segment).find((char) => !IAM_NAME_CHAR.test(char));
    if (bad !== undefined)
      return problem(`has ${quote(bad)} in its ${what}; only letters, digits and _+=,.@- are allowed`);
  }
  return undefined;
}
