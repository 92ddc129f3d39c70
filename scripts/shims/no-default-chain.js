// Bundled (through tsconfig.json's paths) in place of @aws-sdk/credential-provider-node, the STS client's
// default credential chain (~/.aws, IMDS, SSO…): every STS client here is given its credentials, so the
// chain is never asked. Leaving it out keeps it from the chunks the action can load.
export function defaultProvider() {
  throw new Error('@aws-sdk/credential-provider-node is not bundled with assume-aws-role');
}
