/** Field 5 of an ARN is the account id: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. */
export function accountIdOf(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * The role behind an assumed-role session ARN, for messages about trust policies:
 * `arn:aws:sts::111122223333:assumed-role/deploy/run-42` → `arn:aws:iam::111122223333:role/deploy`
 * (STS drops the role's path from session ARNs, so a path cannot be recovered).
 */
export function roleArnOfSession(sessionArn: string): string | undefined {
  const match = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(sessionArn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : undefined;
}
