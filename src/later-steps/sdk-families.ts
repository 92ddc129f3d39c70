/**
 * The default credential chain of each SDK family, as a later step of the job runs it: the first step
 * that finds something wins. Only the steps a job can affect through its environment and the shared
 * files are listed (no code-level settings, system properties or SSO caches).
 */
export type ChainStep =
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. */
  | 'env-keys'
  /** The same, skipped altogether while AWS_PROFILE is set. */
  | 'env-keys-unless-profile'
  /** The same, only when AWS_SESSION_TOKEN is set too. */
  | 'env-keys-with-token'
  /** Fails the whole chain when AWS_PROFILE (even empty) names a profile neither shared file has. */
  | 'named-profile-must-exist'
  /** The profile AWS_PROFILE names, else [default], when it holds credentials. */
  | 'profile'
  /** [default] only: AWS_PROFILE is not read. */
  | 'default-profile'
  /** AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN. */
  | 'web-identity-env'
  /** AWS_CONTAINER_CREDENTIALS_FULL_URI or AWS_CONTAINER_CREDENTIALS_RELATIVE_URI. */
  | 'container'
  /** AWS_CONTAINER_CREDENTIALS_RELATIVE_URI only. */
  | 'container-relative'
  /** AWS_CONTAINER_CREDENTIALS_FULL_URI only. */
  | 'container-full'
  /** EC2 instance metadata, unless AWS_EC2_METADATA_DISABLED=true. */
  | 'instance-role';

export type FamilyId =
  | 'aws-cli'
  | 'js-v3'
  | 'js-direct'
  | 'go-v2'
  | 'ruby-v3'
  | 'java-v2'
  | 'dotnet-v3'
  | 'dotnet-v4'
  | 'powershell-v4'
  | 'powershell-v5';

export interface SdkFamily {
  readonly id: FamilyId;
  readonly name: string;
  readonly order: readonly ChainStep[];
  /** Proved here by a real client in the tests; otherwise taken from the SDK's documented order. */
  readonly runHere: boolean;
}

export const SDK_FAMILIES: readonly SdkFamily[] = [
  {
    // botocore CredentialResolver: env, assume-role, web identity, SSO, shared files, process, container, IMDS.
    // https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-authentication.html#cli-chap-authentication-precedence
    // A profile named in AWS_PROFILE that does not exist fails every command ("config profile (x) could not be found").
    id: 'aws-cli',
    name: 'AWS CLI v2, botocore (Python)',
    order: [
      'named-profile-must-exist',
      'env-keys',
      'profile',
      'web-identity-env',
      'container',
      'instance-role',
    ],
    runHere: true,
  },
  {
    // fromNodeProviderChain: env (skipped when AWS_PROFILE is set), SSO/ini, process, token file, container, IMDS.
    // https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html
    id: 'js-v3',
    name: 'JS SDK v3 (fromNodeProviderChain)',
    order: ['env-keys-unless-profile', 'profile', 'web-identity-env', 'container', 'instance-role'],
    runHere: true,
  },
  {
    // Tools that call the container provider directly when FULL_URI is set, e.g. amazon-ecr-login v2.1.0
    // (aws-actions/amazon-ecr-login#952); otherwise they fall back to the default chain.
    id: 'js-direct',
    name: 'JS tools that call fromHttp() when FULL_URI is set (amazon-ecr-login)',
    order: [
      'container-full',
      'env-keys-unless-profile',
      'profile',
      'web-identity-env',
      'container',
      'instance-role',
    ],
    runHere: true,
  },
  {
    // config.LoadDefaultConfig: env keys, the profile's sources, web identity, container, IMDS; a profile
    // AWS_PROFILE names that does not exist is ignored (loadSharedConfigIgnoreNotExist).
    // https://docs.aws.amazon.com/sdk-for-go/v2/developer-guide/configure-gosdk.html#specifying-credentials
    id: 'go-v2',
    name: 'Go SDK v2 (Terraform, most Go tools)',
    order: ['env-keys', 'profile', 'web-identity-env', 'container', 'instance-role'],
    runHere: true,
  },
  {
    // Aws::CredentialProviderChain: env keys, web identity from env, profile sources, ECS (RELATIVE_URI), IMDS.
    // https://docs.aws.amazon.com/sdk-for-ruby/v3/developer-guide/credential-providers.html
    id: 'ruby-v3',
    name: 'Ruby SDK v3',
    order: ['env-keys', 'web-identity-env', 'profile', 'container-relative', 'instance-role'],
    runHere: true,
  },
  {
    // DefaultCredentialsProvider: system properties, env keys, web identity, profile, container, IMDS.
    // https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html
    id: 'java-v2',
    name: 'Java SDK v2',
    order: ['env-keys', 'web-identity-env', 'profile', 'container', 'instance-role'],
    runHere: false,
  },
  {
    // FallbackCredentialsFactory: AWS_PROFILE's profile (else [default]) before the environment.
    // https://docs.aws.amazon.com/sdk-for-net/v3/developer-guide/creds-assign.html
    id: 'dotnet-v3',
    name: '.NET SDK v3',
    order: ['profile', 'env-keys', 'web-identity-env', 'container', 'instance-role'],
    runHere: false,
  },
  {
    // DefaultAWSCredentialsIdentityResolver: environment first.
    // https://docs.aws.amazon.com/sdk-for-net/v4/developer-guide/creds-assign.html
    id: 'dotnet-v4',
    name: '.NET SDK v4',
    order: ['env-keys', 'profile', 'web-identity-env', 'container', 'instance-role'],
    runHere: false,
  },
  {
    // Parameters, session, then default profiles; environment variables are not read ("by design", #199).
    // https://docs.aws.amazon.com/powershell/v4/userguide/specifying-your-aws-credentials.html
    id: 'powershell-v4',
    name: 'AWS Tools for PowerShell v4',
    order: ['default-profile', 'instance-role'],
    runHere: false,
  },
  {
    // Environment keys only when all three are set, then AWS_PROFILE, then default profiles.
    // https://docs.aws.amazon.com/powershell/v5/userguide/specifying-your-aws-credentials.html
    id: 'powershell-v5',
    name: 'AWS Tools for PowerShell v5',
    order: ['env-keys-with-token', 'profile', 'instance-role'],
    runHere: false,
  },
];
