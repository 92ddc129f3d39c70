/**
 * Every name the project shares with the outside world: action inputs and outputs, main-to-post state,
 * and the environment variables it reads or writes. Values only; nothing here reads anything.
 */

/** Action inputs, spelled as in action.yml. The CLI maps its flags onto the same names. */
export const Inputs = {
  source: 'source',
  roleArn: 'role-arn',
  sessionName: 'session-name',
  duration: 'duration',
  region: 'region',
  awsAccessKeyId: 'aws-access-key-id',
  awsSecretAccessKey: 'aws-secret-access-key',
  awsSessionToken: 'aws-session-token',
  audience: 'audience',
  webIdentityTokenFile: 'web-identity-token-file',
  externalId: 'external-id',
  sourceIdentity: 'source-identity',
  sessionTags: 'session-tags',
  transitiveTagKeys: 'transitive-tag-keys',
  inlineSessionPolicy: 'inline-session-policy',
  managedSessionPolicies: 'managed-session-policies',
  stsEndpoint: 'sts-endpoint',
  allowedAccountIds: 'allowed-account-ids',
  maskAccountId: 'mask-account-id',
  outputCredentials: 'output-credentials',
  exportEnv: 'export-env',
  profile: 'profile',
  profiles: 'profiles',
  overwriteProfile: 'overwrite-profile',
  refresh: 'refresh',
  cleanup: 'cleanup',
} as const;

/** Inputs only the CLI supplies (not in action.yml): the action's reader never asks for them. */
export const CliInputs = {
  sourceProfile: 'source-profile',
  mfaSerial: 'mfa-serial',
  mfaCode: 'mfa-code',
} as const;

export type InputName = (typeof Inputs)[keyof typeof Inputs];

/** The action's inputs, in action.yml order. */
export const INPUT_NAMES: readonly InputName[] = Object.values(Inputs);

/** Step outputs, spelled as in action.yml. */
export const Outputs = {
  awsAccountId: 'aws-account-id',
  arn: 'arn',
  expiration: 'expiration',
  awsAccessKeyId: 'aws-access-key-id',
  awsSecretAccessKey: 'aws-secret-access-key',
  awsSessionToken: 'aws-session-token',
  profiles: 'profiles',
} as const;

/** Main-to-post state (the post step reads them as STATE_<name>). */
export const State = {
  /** Set by main, so post knows main ran and what to undo. */
  mainRan: 'main-ran',
  /** JSON list of the profiles main wrote, with the files they are in. */
  writtenProfiles: 'written-profiles',
  /** Whether the post step should remove what main wrote (the cleanup input). */
  cleanup: 'cleanup',
} as const;

/** AWS environment variables the project reads or exports. */
export const AwsEnv = {
  accessKeyId: 'AWS_ACCESS_KEY_ID',
  secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
  sessionToken: 'AWS_SESSION_TOKEN',
  credentialExpiration: 'AWS_CREDENTIAL_EXPIRATION',
  region: 'AWS_REGION',
  defaultRegion: 'AWS_DEFAULT_REGION',
  profile: 'AWS_PROFILE',
  sharedCredentialsFile: 'AWS_SHARED_CREDENTIALS_FILE',
  configFile: 'AWS_CONFIG_FILE',
  roleArn: 'AWS_ROLE_ARN',
  roleSessionName: 'AWS_ROLE_SESSION_NAME',
  webIdentityTokenFile: 'AWS_WEB_IDENTITY_TOKEN_FILE',
  endpointUrl: 'AWS_ENDPOINT_URL',
  endpointUrlSts: 'AWS_ENDPOINT_URL_STS',
  useFipsEndpoint: 'AWS_USE_FIPS_ENDPOINT',
  useDualstackEndpoint: 'AWS_USE_DUALSTACK_ENDPOINT',
  ec2MetadataServiceEndpoint: 'AWS_EC2_METADATA_SERVICE_ENDPOINT',
  ec2MetadataServiceEndpointMode: 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE',
  ec2MetadataDisabled: 'AWS_EC2_METADATA_DISABLED',
  ec2MetadataV1Disabled: 'AWS_EC2_METADATA_V1_DISABLED',
  containerCredentialsRelativeUri: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  containerCredentialsFullUri: 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  containerAuthorizationToken: 'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  containerAuthorizationTokenFile: 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
} as const;

/** GitHub runner environment variables the project reads. */
export const GitHubEnv = {
  actions: 'GITHUB_ACTIONS',
  repository: 'GITHUB_REPOSITORY',
  runId: 'GITHUB_RUN_ID',
  runAttempt: 'GITHUB_RUN_ATTEMPT',
  workspace: 'GITHUB_WORKSPACE',
  env: 'GITHUB_ENV',
  output: 'GITHUB_OUTPUT',
  state: 'GITHUB_STATE',
  runnerTemp: 'RUNNER_TEMP',
  idTokenRequestUrl: 'ACTIONS_ID_TOKEN_REQUEST_URL',
  idTokenRequestToken: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
} as const;
