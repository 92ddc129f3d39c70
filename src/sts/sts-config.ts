import type { Agents } from '../net/agents.ts';
import type { RetryPolicy } from '../net/retry.ts';

/** The STS region when none is given or found: the global partition's default. */
export const DEFAULT_STS_REGION = 'us-east-1';

/** Everything an STS call needs besides the caller's credentials. */
export interface StsConfig {
  readonly region: string;
  readonly endpoint?: string;
  readonly agents: Agents;
  readonly retry: RetryPolicy;
}

/** Where STS calls go, for messages: the configured endpoint, else the regional one the SDK uses. */
export function stsEndpointName(config: StsConfig): string {
  if (config.endpoint) return config.endpoint;
  const suffix = config.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `sts.${config.region}.${suffix}`;
}
