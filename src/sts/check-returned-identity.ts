import { expiryProblem } from '../credential-expiry.ts';
import { untrusted } from '../safe-text.ts';

/** Partitions as they appear in ARNs (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-eusc...). */
const PARTITION = 'aws(?:-[a-z]+)*';
/** IAM names: letters, digits and `+=,.@_-` (a role path adds `/`). */
const NAME = '[\\w+=,.@-]{1,128}';
const SESSION_ARN = new RegExp(`^arn:(${PARTITION}):sts::(\\d{12}):assumed-role/(${NAME})/(${NAME})$`);
const CALLER_ARN = new RegExp(`^arn:(${PARTITION}):(?:iam|sts)::(\\d{12}):[\\w+=,.@/-]{1,512}$`);
const ROLE_ARN = new RegExp(`^arn:(${PARTITION}):iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?(${NAME})$`);

/** STS answered with something that cannot be true: the step trusts nothing from this answer. */
export class UntrustedAnswerError extends Error {
  override name = 'UntrustedAnswer';
  readonly fix: string;
  constructor(problem: string, fix: string) {
    super(problem);
    this.fix = fix;
  }
}

const NOT_STS =
  'the endpoint did not answer as STS does; check sts-endpoint, AWS_ENDPOINT_URL_STS and any proxy between the runner and STS';

/** The session ARN must be an assumed-role ARN of the very role and account that were asked for. */
export function checkSessionArn(arn: string, roleArn: string): void {
  const session = SESSION_ARN.exec(arn);
  if (!session)
    throw new UntrustedAnswerError(
      `STS returned ${untrusted(arn, 120)}, which is not an assumed-role ARN`,
      NOT_STS,
    );
  const role = ROLE_ARN.exec(roleArn);
  if (!role) return; // an ARN the settings let through but this grammar does not know: nothing to compare
  const [, partition, account, name] = session;
  if (partition !== role[1] || account !== role[2] || name !== role[3]) {
    throw new UntrustedAnswerError(
      `STS returned the session ${arn}, which is not a session of ${roleArn}`,
      NOT_STS,
    );
  }
}

/** Whether `arn` is, by the full grammar, a session of `roleArn` (same partition, account and role name). */
export function isSessionOf(arn: string, roleArn: string): boolean {
  const session = SESSION_ARN.exec(arn);
  const role = ROLE_ARN.exec(roleArn);
  return Boolean(
    session && role && session[1] === role[1] && session[2] === role[2] && session[3] === role[3],
  );
}

/** GetCallerIdentity's ARN must be an IAM or STS ARN, in the account it reports. */
export function checkCallerArn(arn: string, account: string | undefined): void {
  const caller = CALLER_ARN.exec(arn);
  if (!caller)
    throw new UntrustedAnswerError(
      `STS returned ${untrusted(arn, 120)}, which is not an IAM or STS ARN`,
      NOT_STS,
    );
  if (account !== undefined && account !== caller[2]) {
    throw new UntrustedAnswerError(
      `STS returned the identity ${arn} with the account ${untrusted(account, 40)}, which does not match it`,
      NOT_STS,
    );
  }
}

/** Credentials from STS that are expired or about to expire are refused. */
export function checkExpiration(expiration: Date | undefined): void {
  if (!expiration) throw new UntrustedAnswerError('STS returned credentials without an Expiration', NOT_STS);
  const problem = expiryProblem(expiration, 'STS', process.env);
  if (problem) throw new UntrustedAnswerError(problem, 'rerun once the clock is right');
}
