// The system's own tools, by absolute path. Whatever comes first on PATH (a version manager's shim, a
// user install) may be another version, or a Python without botocore; tests must not depend on it.

/** Python 3 with botocore and boto3 (Debian: python3-boto3). */
export const PYTHON = '/usr/bin/python3';
/** The AWS CLI v2 (Debian: awscli). */
export const AWS_CLI = '/usr/bin/aws';
export const FISH = '/usr/bin/fish';
/** util-linux script(1): runs a command on a new pseudo-terminal, which is how a person runs it. */
export const SCRIPT = '/usr/bin/script';
