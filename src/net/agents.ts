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
  const proxyEnv = withProxySchemes(env);
  return {
    http: new HttpAgent({ keepAlive: true, proxyEnv }),
    https: new HttpsAgent({ keepAlive: true, proxyEnv }),
  };
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * The environment with `http://` put before a proxy given as `host:port`: Node ignores such a value
 * without a word (and goes direct), where curl and the AWS CLI take it as an http proxy.
 */
export function withProxySchemes(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const proxyEnv = { ...env };
  for (const name of PROXY_VARIABLES) {
    const value = proxyEnv[name]?.trim();
    if (value && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) proxyEnv[name] = `http://${value}`;
  }
  return proxyEnv;
}

/** For link-local endpoints (IMDS, container credentials), which a proxy must never see. */
export function directAgents(): Agents {
  return { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
}
