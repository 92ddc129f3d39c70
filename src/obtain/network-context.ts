import type { Logger } from '../logger.ts';
import { directAgents, proxyAwareAgents } from '../net/agents.ts';
import { retryPolicyFromEnv } from '../net/retry.ts';
import type { Settings } from '../settings/settings.ts';
import type { CliSourceExtras, SourceContext } from '../sources/source.ts';
import { DEFAULT_STS_REGION, type StsConfig } from '../sts/sts-config.ts';

/** The network setup of one run: shared keep-alive agents, one retry policy, the STS endpoint. */
export function createNetworkContext(
  settings: Pick<Settings, 'region' | 'stsEndpoint'>,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  cli: CliSourceExtras = {},
) {
  const retry = retryPolicyFromEnv(env);
  const proxyAgents = proxyAwareAgents(env);
  const source: SourceContext = {
    env,
    logger,
    proxyAgents,
    directAgents: directAgents(),
    retry,
    ...cli,
  };
  const sts: StsConfig = {
    region: settings.region ?? DEFAULT_STS_REGION,
    endpoint: settings.stsEndpoint,
    agents: proxyAgents,
    retry,
  };
  return { source, sts };
}
