import type { Identity } from '../identity.ts';
import type { Logger } from '../logger.ts';
import { requestsWritten } from '../net/requests-written.ts';
import { assumesRole, type Settings } from '../settings/settings.ts';
import { chooseSource } from '../sources/choose-source.ts';
import { createSource } from '../sources/create-source.ts';
import type { CliSourceExtras, SourceContext, SourceStart, WebIdentityStart } from '../sources/source.ts';
import type { ChoiceSettings, SourceChoice } from '../sources/source-choice.ts';
import { accountIdOf } from '../sts/arn.ts';
import type { ChainContext } from './chain-context.ts';
import { createNetworkContext } from './network-context.ts';
import type { ObtainedCredentials, ResolvedIdentity } from './result.ts';
import { sessionParametersOf } from './session-parameters-of.ts';

/** How a front end picks its source: the action's order, or the CLI's (the AWS CLI's order). */
export type SourceChooser = (settings: ChoiceSettings, context: SourceContext) => Promise<SourceChoice>;

/** What only the CLI brings: its MFA prompt, the reader of existing profiles, and its own source order. */
export interface CliRunExtras extends CliSourceExtras {
  readonly choose?: SourceChooser;
}

/**
 * Source, then the common chain once, then every profile's own roles in parallel from its end.
 * `cli` gives what only the CLI has: the MFA prompt at a terminal, and the reader of existing profiles.
 */
export async function obtainCredentials(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  cli: CliRunExtras = {},
): Promise<ObtainedCredentials> {
  const { choose = chooseSource, ...extras } = cli;
  const { source: sourceContext, sts } = createNetworkContext(settings, env, logger, extras);
  const choice = await choose(settings, sourceContext);
  logger.info(`source: ${choice.name} (${choice.reason})`);
  const provider = await createSource(choice, settings, sourceContext);
  // The source's own request goes out first; a web identity's first token is requested at once too,
  // and every chain from that identity shares it.
  const requested: { firstToken?: Promise<string> } = {};
  const starting = provider().then((start) => {
    if (start.kind === 'web-identity') {
      requested.firstToken = start.token();
      requested.firstToken.catch(() => {}); // its failure is reported where the first hop awaits it
    }
    return start;
  });
  starting.catch(() => {}); // awaited below
  // Loading the SDK blocks the event loop: with the request on the wire first, the load overlaps its answer.
  await requestsWritten();
  const stsSteps = import('./sts-steps.ts');
  const start = await starting;
  const { firstToken } = requested;
  const from = (origin: SourceStart): SourceStart =>
    origin.kind === 'web-identity' && firstToken ? sharingFirstToken(origin, firstToken) : origin;
  const { assumeChain, checkSourceIdentity } = await stsSteps;
  const context: ChainContext = {
    sts,
    sourceName: choice.name,
    onSecret: (secret) => logger.mask(secret),
    debug: (message) => logger.debug(message),
    parameters: sessionParametersOf(settings),
  };

  if (!assumesRole(settings)) {
    const main = await checkSourceIdentity(start, choice, sts);
    const profiles = settings.profiles.map((profile) => ({ name: profile.name, identity: main }));
    return { source: choice, main, profiles, hops: [] };
  }

  const common = await assumeChain(
    from(start),
    {
      roleArns: settings.roleArns,
      offset: 0,
      total: settings.roleArns.length,
      isChainEnd: settings.profiles.every((profile) => profile.roleArns.length === 0),
    },
    context,
  );
  // With no common role, the profiles start from the source itself (keeping its renewal), not from a chain.
  const chained = settings.roleArns.length > 0 ? common.identity : undefined;
  const hub: SourceStart = chained ? { kind: 'credentials', identity: chained } : start;
  const profiles = await Promise.all(
    settings.profiles.map(async (profile) => {
      if (profile.roleArns.length === 0)
        return { name: profile.name, identity: resolved(common.identity), hops: [] };
      const chain = await assumeChain(
        from(hub),
        {
          roleArns: profile.roleArns,
          offset: settings.roleArns.length,
          total: settings.roleArns.length + profile.roleArns.length,
          isChainEnd: true,
          label: `profile ${profile.name}`,
        },
        context,
      );
      return { name: profile.name, identity: resolved(chain.identity), hops: chain.hops };
    }),
  );
  return {
    source: choice,
    main: chained ? resolved(chained) : undefined,
    profiles: profiles.map(({ name, identity }) => ({ name, identity })),
    hops: [...common.hops, ...profiles.flatMap((profile) => profile.hops)],
  };
}

function resolved(identity: Identity | undefined): ResolvedIdentity {
  const arn = identity?.arn;
  if (!identity || !arn) throw new Error('a chain ended without an assumed-role ARN');
  return { ...identity, arn, accountId: accountIdOf(arn) ?? '' };
}

/** Chains straight from a web identity share its first token; a retry still gets a fresh one. */
function sharingFirstToken(start: WebIdentityStart, shared: Promise<string>): WebIdentityStart {
  let used = false;
  return {
    ...start,
    token: () => {
      if (used) return start.token();
      used = true;
      return shared;
    },
  };
}
