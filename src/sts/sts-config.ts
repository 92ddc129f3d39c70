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
