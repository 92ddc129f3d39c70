// startAwsTestServer: one loopback HTTP server for STS, GitHub OIDC, IMDSv2 and container credentials.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRoleArn } from './arn.ts';
import type { ServerContext } from './context.ts';
import { CONTROL_PREFIX, controlRoute, handleControl, isLoggedControlRoute } from './control-api.ts';
import { CredentialStore } from './credential-store.ts';
import { FaultBox, faultEffect } from './faults.ts';
import { mintIdToken } from './github-oidc.ts';
import { sendHostile } from './hostilities.ts';
import { readCall, safely, send } from './http-io.ts';
import { processJwtKey } from './jwt.ts';
import { textReply } from './reply.ts';
import { routeCall } from './router.ts';
import { createContext, USER_ARN } from './server-setup.ts';
import type { AwsTestServer, LoggedRequest, TestServerOptions } from './types.ts';

const HOST = '127.0.0.1'; // loopback only: nothing here may reach or be reached from the network

export async function startAwsTestServer(options: TestServerOptions = {}): Promise<AwsTestServer> {
  const store = new CredentialStore();
  const faults = new FaultBox();
  faults.setLatency(options.latencyMs ?? 0);
  const log: LoggedRequest[] = [];
  const record = (entry: LoggedRequest) => log.push(withoutUndefined(entry));
  const timers = new Set<NodeJS.Timeout>();
  const jwtKey = await processJwtKey();
  let ctx: ServerContext | undefined;
  let api: AwsTestServer | undefined;

  const later = (ms: number, action: () => void) => {
    if (ms <= 0) return action();
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!ctx || !api) return void res.destroy();
    const at = Date.now(); // the request's receipt: its head has arrived
    const call = await readCall(req);
    if (!call) return send(res, textReply(413, 'Payload Too Large'));
    if (call.path.startsWith(CONTROL_PREFIX)) {
      const reply = handleControl(call, api);
      const route = controlRoute(call);
      if (isLoggedControlRoute(route)) {
        record({
          target: 'control',
          action: route,
          params: {},
          status: reply.status,
          errorCode: reply.errorCode,
          at,
        });
      }
      return send(res, reply);
    }
    const routed = routeCall(call, ctx);
    if (!routed) return send(res, textReply(404, 'Not Found'));
    const caller = routed.params.RoleSessionName ?? routed.callerAccessKeyId;
    const fault = faults.take(routed.target, routed.action, caller);
    const effect = fault ? faultEffect(fault) : undefined;
    const silent = effect?.kind === 'drop' || effect?.kind === 'hang';
    const reply = effect?.kind === 'reply' ? effect.reply : silent ? undefined : safely(routed.handle);
    const { target, action, params, callerAccessKeyId, callerArn } = routed;
    const status = reply?.status ?? 0; // 0: no response was sent
    record({ target, action, params, callerAccessKeyId, callerArn, status, errorCode: reply?.errorCode, at });
    if (effect?.kind === 'hang') return; // never answered; close() ends the connection
    const wait = faults.latencyMs + (effect?.kind === 'delay' ? effect.ms : 0);
    if (effect?.kind === 'hostile' && reply)
      return later(wait, () => sendHostile(res, effect.fault, reply, call));
    later(wait, () => (reply ? send(res, reply) : res.socket?.destroy()));
  };

  // A client that goes away mid-request (or close() cutting it off) only ends that request.
  const server = createServer((req, res) => void serve(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const context = createContext(
    `http://${HOST}:${(server.address() as AddressInfo).port}`,
    store,
    jwtKey,
    options,
  );
  ctx = context;

  let closing: Promise<void> | undefined;
  api = {
    ...context.description,
    configureRole(roleArn, config) {
      if (!parseRoleArn(roleArn)) throw new Error(`Not a role ARN: ${roleArn}`);
      context.roles.configure(roleArn, config);
    },
    addTrustAnchor: (caPem, anchorOptions) => context.rolesAnywhere.add(caPem, anchorOptions),
    mintIdToken: (claims, mintOptions) => mintIdToken(context, claims, mintOptions),
    issueKeys(arn = USER_ARN) {
      const { accessKeyId, secretAccessKey } = store.issueUserKeys(arn);
      return { accessKeyId, secretAccessKey };
    },
    faults: {
      inject: (fault) => faults.inject(fault),
      clear: () => faults.clear(),
      setLatency: (ms) => faults.setLatency(ms),
      setThrottleRate: (rate, maxInARow) => faults.setThrottleRate(rate, maxInARow),
    },
    get requests() {
      return log;
    },
    clearLog: () => void log.splice(0),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections(); // includes hanging and delayed requests
      });
      return closing;
    },
  };
  return api;
}

/** Log entries leave out fields that do not apply, so they compare and print cleanly. */
function withoutUndefined(entry: LoggedRequest): LoggedRequest {
  const defined = Object.entries(entry).filter(([, value]) => value !== undefined);
  return Object.fromEntries(defined) as unknown as LoggedRequest;
}
