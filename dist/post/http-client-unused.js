// Stands in for @actions/http-client in the bundles. @actions/core imports it only for getIDToken,
// which this action does not use (src/sources/github-oidc.ts fetches tokens itself); bundling it
// would add undici and tunnel, about 450 KB, to every run.
const unused = () => {
  throw new Error('@actions/http-client is not bundled with assume-aws-role');
};
export class HttpClient {
  constructor() {
    unused();
  }
}
export class BearerCredentialHandler {
  constructor() {
    unused();
  }
}
