// JSON control API under /__control/ so other processes can drive a running server.
import { type Call, jsonReply, type Reply } from './reply.ts';
import type { AwsTestServer, Fault, RoleConfig, ServerDescription, TrustAnchorOptions } from './types.ts';

export const CONTROL_PREFIX = '/__control/';

type Body = Record<string, unknown>;
type Route = (body: Body, server: AwsTestServer) => unknown;

const ROUTES: Record<string, Route> = {
  'GET info': (_, server) => describeServer(server),
  'POST faults': (body, server) => server.faults.inject(body as unknown as Fault),
  'DELETE faults': (_, server) => server.faults.clear(),
  'POST latency': (body, server) => server.faults.setLatency(numberField(body, 'ms')),
  'POST throttle-rate': (body, server) =>
    server.faults.setThrottleRate(
      numberField(body, 'rate'),
      body.maxInARow === undefined ? undefined : numberField(body, 'maxInARow'),
    ),
  'POST roles': (body, server) => {
    if (typeof body.roleArn !== 'string') throw new Error('roleArn must be a string');
    server.configureRole(body.roleArn, (body.config ?? {}) as RoleConfig);
  },
  'POST id-token': (body, server) => ({
    value: server.mintIdToken((body.claims ?? {}) as Parameters<AwsTestServer['mintIdToken']>[0], {
      badSignature: body.badSignature === true,
    }),
  }),
  'POST trust-anchors': (body, server) => {
    if (typeof body.certificate !== 'string') throw new Error('certificate must be a PEM string');
    return server.addTrustAnchor(body.certificate, (body.options ?? {}) as TrustAnchorOptions);
  },
  'POST keys': (body, server) => server.issueKeys(typeof body.arn === 'string' ? body.arn : undefined),
  'GET requests': (_, server) => server.requests,
  'DELETE requests': (_, server) => server.clearLog(),
};

/** Reading or clearing the log is not itself logged. */
export function isLoggedControlRoute(route: string): boolean {
  return !route.endsWith(' requests');
}

export function controlRoute(call: Call): string {
  return `${call.method} ${call.path.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`;
}

export function handleControl(call: Call, server: AwsTestServer): Reply {
  const route = ROUTES[controlRoute(call)];
  if (!route) return jsonReply(404, { error: `No control route ${controlRoute(call)}` }, 'NotFound');
  try {
    const text = call.body.toString();
    const body: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error('Body must be an object');
    const result = route(body as Body, server);
    return result === undefined ? { status: 204 } : jsonReply(200, result);
  } catch (error) {
    return jsonReply(400, { error: error instanceof Error ? error.message : String(error) }, 'BadRequest');
  }
}

function numberField(body: Body, name: string): number {
  const value = body[name];
  if (typeof value !== 'number') throw new Error(`${name} must be a number`);
  return value;
}

/** The plain description of a server: what the CLI prints and GET /__control/info returns. */
export function describeServer(server: ServerDescription): ServerDescription {
  const { url, port, stsEndpoint, imdsEndpoint, oidc, container, sso, identities } = server;
  return { url, port, stsEndpoint, imdsEndpoint, oidc, container, sso, identities };
}
