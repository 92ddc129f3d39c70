// Stands in, inside the bundles, for the parts of @actions/core's dependencies this project never calls:
// @actions/http-client (with undici) serves only core.getIDToken, and @actions/exec (with @actions/io,
// child_process and assert) only core.platform. OIDC tokens are fetched by src/sources/github-oidc.ts.
// Leaving them out saves about 450 KB of bundle and the start-up time of loading them on every run.
// @aws-sdk/credential-provider-node is the STS client's default credential chain (~/.aws, IMDS, SSO…):
// every STS client here is given its credentials, so the chain is never asked. @smithy/core/event-streams
// serves only operations with event streams, and STS has none.
// A plain function, so `new` on a stand-in class fails with the same message.
const unbundled = (name) =>
  function unbundledExport() {
    throw new Error(`${name} is not bundled with assume-aws-role`);
  };
export const HttpClient = unbundled('@actions/http-client');
export const BearerCredentialHandler = unbundled('@actions/http-client');
export const exec = unbundled('@actions/exec');
export const getExecOutput = unbundled('@actions/exec');
export const defaultProvider = unbundled('@aws-sdk/credential-provider-node');
export const EventStreamSerde = unbundled('@smithy/core/event-streams');
export const eventStreamSerdeProvider = unbundled('@smithy/core/event-streams');
