/**
 * Limits and patterns of the values the settings accept: STS's own rules (see
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html), checked here so a bad value
 * fails before any network call, plus this project's own limits where STS has none.
 */

/** Partitions an IAM ARN may name. A bare role name is refused rather than guessed into one of them. */
export const PARTITIONS: readonly string[] = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

/** One character of an IAM role, policy or path-segment name. */
export const IAM_NAME_CHAR = /^[\w+=,.@-]$/;
export const IAM_NAME_MAX = 64;
export const POLICY_NAME_MAX = 128;

const PARTITION = `(?:${PARTITIONS.join('|')})`;
const SEGMENT = '[\\w+=,.@-]{1,64}';
export const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role/(?:${SEGMENT}/)*${SEGMENT}$`);
export const POLICY_ARN = new RegExp(
  `^arn:${PARTITION}:iam::(?:\\d{12}|aws):policy/(?:${SEGMENT}/)*[\\w+=,.@-]{1,128}$`,
);

export const ACCOUNT_ID = /^\d{12}$/;
export const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
/** `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eu-isoe-west-1`: letters, dash-separated parts, a number. */
export const REGION = /^[a-z]{2,}(?:-[a-z0-9]+)+-\d+$/;

export const DEFAULT_SOURCE = 'auto';
/** STS's own default. */
export const DEFAULT_DURATION_SECONDS = 3600;
export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 43200;
/** The audience AWS expects in a GitHub OIDC token. */
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

/** A rule for a free-text value: its length in characters and the characters it may use. */
export interface TextRule {
  readonly min: number;
  readonly max: number;
  /** Tests one character. */
  readonly char: RegExp;
  /** The allowed characters, as a person reads them. */
  readonly chars: string;
}

export const SESSION_NAME: TextRule = {
  min: 2,
  max: 64,
  char: /^[\w+=,.@-]$/,
  chars: 'letters, digits and _+=,.@-',
};
export const EXTERNAL_ID: TextRule = {
  min: 2,
  max: 1224,
  char: /^[\w+=,.@:/-]$/,
  chars: 'letters, digits and _+=,.@:/-',
};
export const SOURCE_IDENTITY: TextRule = { ...SESSION_NAME };
export const MFA_SERIAL: TextRule = {
  min: 9,
  max: 256,
  char: /^[\w+=/:,.@-]$/,
  chars: 'letters, digits and _+=/:,.@-',
};

const TAG_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
const TAG_CHARS = 'letters, digits, spaces and _.:/=+-@';
export const TAG_KEY: TextRule = { min: 1, max: 128, char: TAG_CHAR, chars: TAG_CHARS };
export const TAG_VALUE: TextRule = { min: 0, max: 256, char: TAG_CHAR, chars: TAG_CHARS };
export const MAX_SESSION_TAGS = 50;
export const MAX_TRANSITIVE_TAG_KEYS = 50;
export const MAX_MANAGED_POLICIES = 10;
/** STS's limit on the plaintext of the session policies. */
export const MAX_INLINE_POLICY_CHARS = 2048;

/**
 * Profile names this project writes: an allow-list, because a name with a newline, `[`, `]`, `#`, `;`
 * or `=` can inject lines into the shared INI files.
 */
export const PROFILE_NAME: TextRule = {
  min: 1,
  max: 64,
  char: /^[A-Za-z0-9_.@+%:-]$/,
  chars: 'letters, digits and _.@+%:-',
};
/** Profiles this project only reads (source-profile): the characters the JS SDK accepts in a name. */
export const SOURCE_PROFILE_NAME: TextRule = {
  min: 1,
  max: 128,
  char: /^[\w@+.%:/-]$/,
  chars: 'letters, digits and _-@+.%:/',
};
