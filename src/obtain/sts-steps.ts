// Everything that needs the AWS SDK, behind one lazy import: it loads while the source's own requests
// (OIDC token, IMDS, container credentials) are in flight.
export { assumeChain } from './assume-chain.ts';
export { checkSourceIdentity } from './check-source-identity.ts';
