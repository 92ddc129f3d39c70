import {
  EXIT_COMMAND_NOT_EXECUTABLE,
  EXIT_COMMAND_NOT_FOUND,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_SOURCE_FAILED,
  EXIT_STS_REFUSED,
  EXIT_USAGE,
  SIGNAL_EXIT_BASE,
} from '../exit-codes.ts';
import { DEFAULT_FORMAT, FORMATS } from '../formats/output-formats.ts';

export const HELP_TEXT = `Usage: assume-aws-role [options]                  print credentials for a shell or tool
       assume-aws-role [options] -- COMMAND [ARG...]   run COMMAND with the credentials

Turns an identity (GitHub OIDC, EC2 instance profile, container, token file, keys, a profile)
into short-lived credentials for the role you name.

Where the first credentials come from:
  --source NAME                  auto (default), oidc, imds, container, web-identity, env, profile
  --source-profile NAME          start from this profile of ~/.aws/config (implies --source profile)
  --mfa-serial ARN               MFA device for the first hop
  --mfa-code CODE                its current code
  --audience AUD                 OIDC token audience (default sts.amazonaws.com)
  --web-identity-token-file PATH token file for --source web-identity

The roles to assume:
  --role-arn ARN                 a role to assume; repeat it, or join ARNs with '->', for a chain
  --session-name NAME            RoleSessionName for every hop
  --duration TIME                seconds, or 15m, 1h, 1h30m (900 to 43200; default 3600)
  --region REGION                region for STS, and exported as AWS_REGION and AWS_DEFAULT_REGION
  --sts-endpoint URL             custom STS endpoint
  --external-id ID               ExternalId for AssumeRole
  --source-identity ID           SourceIdentity, kept through the chain
  --tag KEY=VALUE                a session tag (repeatable)
  --transitive-tag-key KEY       a tag key passed on through the chain (repeatable)
  --policy JSON                  an inline session policy for the last hop
  --policy-arn ARN               a managed session policy for the last hop (repeatable, at most 10)
  --allowed-account-ids IDS      fail unless the final account is one of these (comma-separated)

What to do with them:
  --format FORMAT                ${FORMATS.join(', ')} (default ${DEFAULT_FORMAT})
  --cache                        with --format process: reuse cached credentials until shortly before they expire
  --profile NAME                 write them as this profile in ~/.aws/credentials
  --profiles LINE                'NAME: ROLE_ARN [-> ROLE_ARN...]', one profile each (repeatable)
  --overwrite-profile            allow replacing a profile this tool did not write
  -v, --verbose                  explain each step on stderr (also ASSUME_AWS_ROLE_DEBUG=1); never secrets
  -h, --help                     show this help
  -V, --version                  show the version

Every option also takes the form --option=VALUE; use it for a value that starts with '-'.

Examples:
  bash, zsh:   eval "$(assume-aws-role --role-arn arn:aws:iam::123456789012:role/deploy)"
  fish:        assume-aws-role --format fish --role-arn arn:aws:iam::123456789012:role/deploy | source
  PowerShell:  assume-aws-role --format pwsh --role-arn arn:aws:iam::123456789012:role/deploy | Invoke-Expression
  cmd:         assume-aws-role --format cmd --role-arn arn:aws:iam::123456789012:role/deploy > aws-creds.cmd
               call aws-creds.cmd
  run a command with the credentials (nothing is exported):
               assume-aws-role --role-arn arn:aws:iam::123456789012:role/deploy -- terraform plan
  from the EC2 instance profile:
               assume-aws-role --source imds --role-arn arn:aws:iam::123456789012:role/deploy -- aws s3 ls
  a chain:     assume-aws-role --role-arn 'arn:aws:iam::111111111111:role/hub -> arn:aws:iam::222222222222:role/app'
  as a credential_process in ~/.aws/config:
               [profile deploy]
               credential_process = assume-aws-role --format process --cache --source-profile dev --role-arn arn:aws:iam::123456789012:role/deploy

Exit status:
  ${EXIT_OK}    success
  ${EXIT_USAGE}    usage error: a bad option or input value
  ${EXIT_SOURCE_FAILED}    the source failed: the first credentials could not be obtained
  ${EXIT_STS_REFUSED}    STS refused to assume a role (access denied, invalid request)
  ${EXIT_FAILURE}    anything else
  With -- COMMAND, the command's own exit status (${SIGNAL_EXIT_BASE} + N when signal N killed it;
  ${EXIT_COMMAND_NOT_FOUND} when it was not found, ${EXIT_COMMAND_NOT_EXECUTABLE} when it could not be run).

Without --session-name, the session is named user@host, so CloudTrail shows who and where.
Credentials go to stdout (or to the command, or to the profile); messages go to stderr.
`;
