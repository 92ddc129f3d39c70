/**
 * Action inputs that must be refused before any network call, one row per case. Shared by the settings
 * unit test and, later, an end-to-end test that runs the built action with the same rows: `inputs` are
 * action inputs as named in action.yml (values as core.getInput returns them, so nothing that trimming
 * would remove), `env` any environment the case needs, `input` the input the error must name.
 */
export interface BadInputRow {
  readonly name: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly input: string;
}

/** AWS's documented example keys: valid in shape, never real. */
export const TEST_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const TEST_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const TEST_ROLE_ARN = 'arn:aws:iam::123456789012:role/deploy';
export const TEST_OTHER_ROLE_ARN = 'arn:aws:iam::210987654321:role/audit';

/** A valid baseline (keys as the source), so each row fails only for its own reason. */
export const KEYS_BASELINE: Readonly<Record<string, string>> = {
  source: 'keys',
  'aws-access-key-id': TEST_ACCESS_KEY_ID,
  'aws-secret-access-key': TEST_SECRET_ACCESS_KEY,
};

const ROLE = TEST_ROLE_ARN;
const RA_ANCHOR =
  'arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/0a1b2c3d-0000-4000-8000-000000000000';
const RA_PROFILE =
  'arn:aws:rolesanywhere:eu-west-1:123456789012:profile/4e5f6a7b-0000-4000-8000-000000000000';
/** Complete roles-anywhere inputs (the PEM is only a shape: settings do not read it), with some overridden. */
function raInputs(overrides: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {
    source: 'roles-anywhere',
    certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    'private-key': '-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----',
    'trust-anchor-arn': RA_ANCHOR,
    'profile-arn': RA_PROFILE,
    'role-arn': ROLE,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
}
const lines = (count: number, line: (index: number) => string): string =>
  Array.from({ length: count }, (_, index) => line(index)).join('\n');

/** A row on top of the keys baseline. */
function row(name: string, input: string, inputs: Record<string, string>): BadInputRow {
  return { name, inputs: { ...KEYS_BASELINE, ...inputs }, input };
}
/** A row without the baseline, for cases about the source and the keys themselves. */
function bare(
  name: string,
  input: string,
  inputs: Record<string, string>,
  env?: Record<string, string>,
): BadInputRow {
  return env ? { name, inputs, env, input } : { name, inputs, input };
}

export const BAD_INPUTS: readonly BadInputRow[] = [
  // source
  row('refuses an unknown source', 'source', { source: 'magic' }),
  row('refuses a source in capitals', 'source', { source: 'KEYS' }),
  row('refuses a source with a line break', 'source', { source: 'keys\nenv' }),
  bare("refuses source 'profile' without a source profile", 'source', { source: 'profile' }),
  // role-arn
  row('refuses a bare role name instead of guessing the partition', 'role-arn', { 'role-arn': 'deploy' }),
  row('refuses a role/NAME without the ARN prefix', 'role-arn', { 'role-arn': 'role/deploy' }),
  row('refuses an unknown partition', 'role-arn', { 'role-arn': 'arn:aws-mars:iam::123456789012:role/x' }),
  row('refuses an assumed-role session ARN', 'role-arn', {
    'role-arn': 'arn:aws:sts::123456789012:assumed-role/deploy/run-1',
  }),
  row('refuses a role ARN whose account id has 11 digits', 'role-arn', {
    'role-arn': 'arn:aws:iam::12345678901:role/x',
  }),
  row('refuses a user ARN as a role', 'role-arn', { 'role-arn': 'arn:aws:iam::123456789012:user/bob' }),
  row('refuses a region in an IAM ARN', 'role-arn', {
    'role-arn': 'arn:aws:iam:us-east-1:123456789012:role/x',
  }),
  row('refuses a role name of 65 characters', 'role-arn', {
    'role-arn': `arn:aws:iam::123456789012:role/${'r'.repeat(65)}`,
  }),
  row('refuses a role name with a bad character', 'role-arn', {
    'role-arn': 'arn:aws:iam::123456789012:role/de*ploy',
  }),
  row('refuses an empty path segment', 'role-arn', { 'role-arn': 'arn:aws:iam::123456789012:role//deploy' }),
  row('refuses an empty hop between two arrows', 'role-arn', {
    'role-arn': `${ROLE} -> -> ${TEST_OTHER_ROLE_ARN}`,
  }),
  row('refuses a trailing arrow', 'role-arn', { 'role-arn': `${ROLE} ->` }),
  row('refuses a leading arrow', 'role-arn', { 'role-arn': `-> ${ROLE}` }),
  row('refuses a chain of only arrows', 'role-arn', { 'role-arn': '-> ->' }),
  row('refuses a bad ARN on the second line of a chain', 'role-arn', { 'role-arn': `${ROLE}\naudit` }),
  // session-name
  row('refuses a session name of 65 characters', 'session-name', { 'session-name': 's'.repeat(65) }),
  row('refuses a session name of one character', 'session-name', { 'session-name': 's' }),
  row('refuses a session name with a space', 'session-name', { 'session-name': 'my session' }),
  row('refuses a session name with a slash', 'session-name', { 'session-name': 'run/1' }),
  row('refuses a session name with a line break', 'session-name', { 'session-name': 'run\n1' }),
  // duration
  ...['0', '-1', '1e9', 'abc', '43201', '1.5', '899', '13h', '30m1h', '1h1h', '1H', '1 h'].map((duration) =>
    row(`refuses a duration of ${JSON.stringify(duration)}`, 'duration', { duration }),
  ),
  // region
  row('refuses a region that is not a region name', 'region', { region: 'mars' }),
  row('refuses a region in capitals', 'region', { region: 'US-EAST-1' }),
  row('refuses a region with a line break', 'region', { region: 'us-east-1\nAWS_X=1' }),
  { ...row('refuses a malformed AWS_REGION', 'region', {}), env: { AWS_REGION: 'earth' } },
  // keys
  bare('refuses an access key id without its secret', 'aws-secret-access-key', {
    'aws-access-key-id': TEST_ACCESS_KEY_ID,
  }),
  bare('refuses a secret access key without its key id', 'aws-access-key-id', {
    'aws-secret-access-key': TEST_SECRET_ACCESS_KEY,
  }),
  bare('refuses a session token without a key pair', 'aws-access-key-id', { 'aws-session-token': 'token' }),
  row('refuses a lowercase access key id', 'aws-access-key-id', {
    'aws-access-key-id': 'akiaiosfodnn7example',
  }),
  row('refuses a short access key id', 'aws-access-key-id', { 'aws-access-key-id': 'AKIA1234' }),
  row('refuses a secret access key with a line break', 'aws-secret-access-key', {
    'aws-secret-access-key': `${TEST_SECRET_ACCESS_KEY}\nAWS_X=1`,
  }),
  row('refuses a session token with a line break', 'aws-session-token', { 'aws-session-token': 'abc\ndef' }),
  row("refuses keys with source 'oidc'", 'aws-access-key-id', { source: 'oidc', 'role-arn': ROLE }),
  bare("refuses source 'keys' without keys", 'aws-access-key-id', { source: 'keys' }),
  // audience, web-identity-token-file
  row('refuses an audience with a line break', 'audience', { audience: 'sts.amazonaws.com\nx' }),
  bare("refuses source 'web-identity' without a token file", 'web-identity-token-file', {
    source: 'web-identity',
    'role-arn': ROLE,
  }),
  row('refuses a token file path with a line break', 'web-identity-token-file', {
    'web-identity-token-file': '/tmp/token\n[profile x]',
  }),
  // certificate, private-key, private-key-passphrase, trust-anchor-arn, profile-arn (source roles-anywhere)
  bare("refuses source 'roles-anywhere' without a certificate", 'certificate', raInputs({ certificate: '' })),
  bare(
    "refuses source 'roles-anywhere' without a private key",
    'private-key',
    raInputs({ 'private-key': '' }),
  ),
  row("refuses a passphrase without source 'roles-anywhere'", 'private-key-passphrase', {
    'private-key-passphrase': 'secret passphrase',
  }),
  bare(
    'refuses a trust anchor ARN that is a profile ARN',
    'trust-anchor-arn',
    raInputs({ 'trust-anchor-arn': RA_PROFILE }),
  ),
  bare('refuses a profile ARN that is a role ARN', 'profile-arn', raInputs({ 'profile-arn': ROLE })),
  bare("refuses source 'roles-anywhere' without role-arn", 'role-arn', raInputs({ 'role-arn': '' })),
  bare(
    "refuses refresh with source 'roles-anywhere' and an inline key",
    'refresh',
    raInputs({ refresh: 'true', profile: 'dev' }),
  ),
  // external-id, source-identity
  row('refuses an external id of one character', 'external-id', { 'external-id': 'x' }),
  row('refuses an external id with a bad character', 'external-id', { 'external-id': 'secret!id' }),
  row('refuses an external id of 1225 characters', 'external-id', { 'external-id': 'e'.repeat(1225) }),
  row("refuses a source identity starting with 'aws:'", 'source-identity', { 'source-identity': 'aws:me' }),
  row('refuses a source identity with a space', 'source-identity', { 'source-identity': 'jane doe' }),
  row('refuses a source identity of 65 characters', 'source-identity', { 'source-identity': 'i'.repeat(65) }),
  // session-tags, transitive-tag-keys
  row('refuses a tag line without =', 'session-tags', { 'session-tags': 'team' }),
  row('refuses a tag with an empty key', 'session-tags', { 'session-tags': '=value' }),
  row('refuses a tag key of 129 characters', 'session-tags', { 'session-tags': `${'k'.repeat(129)}=v` }),
  row('refuses a tag value of 257 characters', 'session-tags', { 'session-tags': `k=${'v'.repeat(257)}` }),
  row('refuses a tag key with a bad character', 'session-tags', { 'session-tags': 'team!=x' }),
  row('refuses a tag value with a bad character', 'session-tags', { 'session-tags': 'team=a;b' }),
  row('refuses 51 session tags', 'session-tags', { 'session-tags': lines(51, (i) => `k${i}=v`) }),
  row('refuses tag keys that differ only in case', 'session-tags', { 'session-tags': 'Team=a\nteam=b' }),
  row("refuses a tag key starting with 'aws:'", 'session-tags', { 'session-tags': 'aws:team=a' }),
  row('refuses a transitive key that is not a tag key', 'transitive-tag-keys', {
    'session-tags': 'team=a',
    'transitive-tag-keys': 'project',
  }),
  row('refuses 51 transitive tag keys', 'transitive-tag-keys', {
    'session-tags': 'team=a',
    'transitive-tag-keys': lines(51, () => 'team'),
  }),
  // session policies
  row('refuses an inline policy that is not JSON', 'inline-session-policy', {
    'inline-session-policy': '{nope',
  }),
  row('refuses an inline policy that is a JSON array', 'inline-session-policy', {
    'inline-session-policy': '[]',
  }),
  row('refuses an inline policy over 2048 characters', 'inline-session-policy', {
    'inline-session-policy': JSON.stringify({ Version: '2012-10-17', Sid: 'x'.repeat(2100) }),
  }),
  row('refuses 11 managed policy ARNs', 'managed-session-policies', {
    'managed-session-policies': lines(11, (i) => `arn:aws:iam::aws:policy/P${i}`),
  }),
  row('refuses a role ARN as a managed policy', 'managed-session-policies', {
    'managed-session-policies': ROLE,
  }),
  row('refuses a bare managed policy name', 'managed-session-policies', {
    'managed-session-policies': 'ReadOnlyAccess',
  }),
  // sts-endpoint
  row('refuses an sts-endpoint that is not a URL', 'sts-endpoint', { 'sts-endpoint': 'not a url' }),
  row('refuses an ftp sts-endpoint', 'sts-endpoint', { 'sts-endpoint': 'ftp://sts.example.com' }),
  row('refuses an sts-endpoint with a line break', 'sts-endpoint', { 'sts-endpoint': 'https://a\nb' }),
  {
    ...row('refuses a malformed AWS_ENDPOINT_URL_STS', 'sts-endpoint', {}),
    env: { AWS_ENDPOINT_URL_STS: 'sts' },
  },
  // allowed-account-ids
  row('refuses an allowed account id of 11 digits', 'allowed-account-ids', {
    'allowed-account-ids': '12345678901',
  }),
  row('refuses an allowed account id with a letter', 'allowed-account-ids', {
    'allowed-account-ids': '123456789012,12345678901x',
  }),
  row('refuses an allow-list of only commas', 'allowed-account-ids', { 'allowed-account-ids': ',,' }),
  // booleans
  row("refuses mask-account-id 'yes'", 'mask-account-id', { 'mask-account-id': 'yes' }),
  row("refuses output-credentials '1'", 'output-credentials', { 'output-credentials': '1' }),
  row("refuses export-env 'on'", 'export-env', { 'export-env': 'on' }),
  row("refuses overwrite-profile 'tru'", 'overwrite-profile', { 'overwrite-profile': 'tru' }),
  row("refuses refresh 'no'", 'refresh', { refresh: 'no' }),
  row("refuses cleanup 'off'", 'cleanup', { cleanup: 'off' }),
  // profile
  row('refuses a profile name with a newline', 'profile', { profile: 'dev\ncredential_process = sh' }),
  row("refuses a profile name with ']'", 'profile', { profile: 'dev]' }),
  row("refuses a profile name with '['", 'profile', { profile: '[dev' }),
  row("refuses a profile name with '#'", 'profile', { profile: 'dev#1' }),
  row("refuses a profile name with ';'", 'profile', { profile: 'dev;1' }),
  row("refuses a profile name with '='", 'profile', { profile: 'dev=1' }),
  row('refuses a profile name with whitespace', 'profile', { profile: 'my dev' }),
  row('refuses a profile name of 65 characters', 'profile', { profile: 'p'.repeat(65) }),
  // profiles
  row('refuses a profiles line without a colon', 'profiles', { profiles: `dev ${ROLE}` }),
  row('refuses duplicate profile names', 'profiles', {
    profiles: `dev: ${ROLE}\ndev: ${TEST_OTHER_ROLE_ARN}`,
  }),
  row("refuses a profiles name with ']'", 'profiles', { profiles: `dev]: ${ROLE}` }),
  row("refuses a profiles name with '='", 'profiles', { profiles: `dev=x: ${ROLE}` }),
  row("refuses a profiles name with '#'", 'profiles', { profiles: `dev#x: ${ROLE}` }),
  row('refuses a profiles name with whitespace', 'profiles', { profiles: `my dev: ${ROLE}` }),
  row('refuses a profiles name of 65 characters', 'profiles', { profiles: `${'p'.repeat(65)}: ${ROLE}` }),
  row('refuses an empty profiles name', 'profiles', { profiles: `: ${ROLE}` }),
  row('refuses an empty hop in a profile chain', 'profiles', { profiles: `dev: ${ROLE} ->` }),
  row('refuses a bare role name in a profile chain', 'profiles', { profiles: 'dev: deploy' }),
  row('refuses a profile without a role when role-arn is not given', 'profiles', { profiles: 'dev:' }),
  row('refuses profiles with only comments', 'profiles', { profiles: '# none yet' }),
  row('refuses profile and profiles together', 'profiles', { profile: 'dev', profiles: `prod: ${ROLE}` }),
  // across inputs
  bare("refuses source 'oidc' without a role", 'role-arn', { source: 'oidc' }),
  bare("refuses source 'oidc' with a profile but no role", 'profile', { source: 'oidc', profile: 'dev' }),
  bare("refuses source 'web-identity' without a role", 'role-arn', {
    source: 'web-identity',
    'web-identity-token-file': '/var/run/secrets/token',
  }),
  row('refuses refresh with access keys', 'refresh', { refresh: 'true', profile: 'dev', 'role-arn': ROLE }),
  bare('refuses refresh without a profile', 'refresh', { source: 'imds', refresh: 'true', 'role-arn': ROLE }),
];
