// Stands in, inside the bundles, for the parts of @actions/core's dependencies this project never calls:
// @actions/http-client (with undici) serves only core.getIDToken, and @actions/exec (with @actions/io,
// child_process and assert) only core.platform. OIDC tokens are fetched by src/sources/github-oidc.ts.
// Leaving them out saves about 450 KB of bundle and the start-up time of loading them on every run.
const unbundled = (name) => () => {
  throw new Error(`${name} is not bundled with assume-aws-role`);
};
export const HttpClient = unbundled('@actions/http-client');
export const BearerCredentialHandler = unbundled('@actions/http-client');
export const exec = unbundled('@actions/exec');
export const getExecOutput = unbundled('@actions/exec');
