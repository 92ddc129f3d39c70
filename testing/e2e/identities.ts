// The identities of the local AWS test server, as the end-to-end suites name them.

/** The account every identity of the test server lives in, unless a test names another. */
export const ACCOUNT_ID = '111111111111';

export const roleArn = (name: string, account = ACCOUNT_ID): string => `arn:aws:iam::${account}:role/${name}`;

export const sessionArn = (roleName: string, sessionName: string, account = ACCOUNT_ID): string =>
  `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;

/** The session the test server's instance profile (and container endpoint) hands out. */
export const INSTANCE_SESSION = sessionArn('test-instance-role', 'i-0123456789abcdef0');
