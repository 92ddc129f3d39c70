import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

export interface Agents {
  readonly http: HttpAgent;
  readonly https: HttpsAgent;
}

/**
 * Keep-alive agents that honour HTTP(S)_PROXY, https_proxy and NO_PROXY through Node 24's own proxy support,
 * so no proxy library is bundled.
 */
export function proxyAwareAgents(env: NodeJS.ProcessEnv): Agents {
  const proxyEnv = { ...env };
  return {
    http: new HttpAgent({ keepAlive: true, proxyEnv }),
    https: new HttpsAgent({ keepAlive: true, proxyEnv }),
  };
}

/** For link-local endpoints (IMDS, container credentials), which a proxy must never see. */
export function directAgents(): Agents {
  return { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
}
