// The environment a job running on each kind of machine has, pointed at this server: what a test
// adds to a step so a source finds its endpoint.
import type { ServerDescription } from './types.ts';

/** Where the action finds AWS: the server itself, or something that forwards to it. */
export type SourceEndpoints = Pick<ServerDescription, 'imdsEndpoint' | 'oidc' | 'container'>;

/** Env that makes the server's IMDS the instance's. */
export const imdsEnv = (endpoints: SourceEndpoints): Record<string, string> => ({
  AWS_EC2_METADATA_DISABLED: 'false',
  AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoints.imdsEndpoint,
});

/** Env a job with `permissions: id-token: write` gets. */
export const oidcEnv = (endpoints: SourceEndpoints): Record<string, string> => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: endpoints.oidc.requestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: endpoints.oidc.requestToken,
});

/** Env an ECS task or an EKS pod with Pod Identity gets. */
export const containerEnv = (endpoints: SourceEndpoints): Record<string, string> => ({
  AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoints.container.fullUri,
  AWS_CONTAINER_AUTHORIZATION_TOKEN: endpoints.container.authorizationToken,
});
