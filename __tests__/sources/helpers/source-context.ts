import type { Logger } from '../../../src/logger.ts';
import { directAgents, proxyAwareAgents } from '../../../src/net/agents.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../src/net/retry.ts';
import type { SourceContext } from '../../../src/sources/source.ts';

const QUIET: Logger = { info() {}, debug() {}, warning() {}, mask() {} };

/** What a source gets from a run, for a test: this env, a silent logger unless given, fresh agents. */
export function sourceContext(
  env: NodeJS.ProcessEnv,
  options: { logger?: Logger; retry?: RetryPolicy } = {},
): SourceContext {
  return {
    env,
    logger: options.logger ?? QUIET,
    proxyAgents: proxyAwareAgents({}),
    directAgents: directAgents(),
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
  };
}
