// Parsing and building the ARNs STS deals in.

const ROLE_ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const IAM_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(.+)$/;

export interface RoleArnParts {
  partition: string;
  accountId: string;
  path: string;
  name: string;
}

export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = ROLE_ARN_PATTERN.exec(arn);
  if (!match) return undefined;
  const [, partition = '', accountId = '', path = '', name = ''] = match;
  return { partition, accountId, path: `/${path}`, name };
}

/** The caller ARN of a role session; the role's path is dropped, as STS does. */
export function assumedRoleArn(role: RoleArnParts, sessionName: string): string {
  return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
}

/** Account id and partition of an IAM principal ARN (user or root), for issuing user keys. */
export function parseIamArn(
  arn: string,
): { partition: string; accountId: string; resource: string } | undefined {
  const match = IAM_ARN_PATTERN.exec(arn);
  if (!match) return undefined;
  const [, partition = '', accountId = '', resource = ''] = match;
  return { partition, accountId, resource };
}

/** Matches `value` against a pattern where `*` is any run of characters and `?` any one character. */
export function globMatches(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}
