import type { Identity } from '../identity.ts';
import type { SourceStart } from '../sources/source.ts';
import { assumeHop } from './assume-hop.ts';
import type { ChainContext } from './chain-context.ts';
import type { HopRecord } from './result.ts';

export interface ChainPart {
  readonly roleArns: readonly string[];
  /** Where these hops sit in the whole chain, for messages: hop (offset + i) of total. */
  readonly offset: number;
  readonly total: number;
  /** Session policies go on the last hop of a whole chain only. */
  readonly isChainEnd: boolean;
  readonly label?: string; // e.g. `profile prod`
}

/** Assumes the roles in order, one STS call each, starting from a source or an earlier hop. */
export async function assumeChain(
  start: SourceStart,
  part: ChainPart,
  context: ChainContext,
): Promise<{ identity: Identity | undefined; hops: HopRecord[] }> {
  let current: SourceStart = start;
  const hops: HopRecord[] = [];
  for (const [index, roleArn] of part.roleArns.entries()) {
    const number = part.offset + index + 1;
    const position = `${part.label ? `${part.label}: ` : ''}hop ${number} of ${part.total}`;
    const isLast = part.isChainEnd && index === part.roleArns.length - 1;
    const identity = await assumeHop(
      current,
      roleArn,
      { position, isLast, isFirstHop: number === 1 },
      context,
    );
    hops.push(identity.record);
    current = { kind: 'credentials', identity: identity.identity };
  }
  return { identity: current.kind === 'credentials' ? current.identity : undefined, hops };
}
