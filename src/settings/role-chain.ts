import { InputError } from '../errors.ts';
import { iamArnProblem } from './iam-arn.ts';
import { nonBlankLines } from './read-inputs.ts';

const ARROW = '->';
const EMPTY_HOP_FIX = `Put one role ARN between each '${ARROW}', e.g. arn:aws:iam::111111111111:role/a ${ARROW} arn:aws:iam::222222222222:role/b`;

/**
 * A chain of role ARNs, assumed in order: one per line, or joined by '->' (both may be mixed).
 * Blank lines are skipped; an empty hop between, before or after a '->' is refused, naming its position.
 * `where` prefixes the problem when the chain is part of a larger input (a line of 'profiles').
 */
export function parseRoleChain(text: string | undefined, input: string, where = ''): string[] {
  const arns: string[] = [];
  for (const line of nonBlankLines(text)) {
    const hops = line.text.split(ARROW).map((hop) => hop.trim());
    for (const [index, hop] of hops.entries()) {
      const position = arns.length + 1;
      if (hop === '')
        throw new InputError(
          input,
          `${where}hop ${position} is empty (${emptyHopReason(hops, index)})`,
          EMPTY_HOP_FIX,
        );
      const bad = iamArnProblem(hop, 'role');
      if (bad) throw new InputError(input, `${where}hop ${position}: ${bad.problem}`, bad.fix);
      arns.push(hop);
    }
  }
  return arns;
}

function emptyHopReason(hops: readonly string[], index: number): string {
  if (hops.every((hop) => hop === '')) return `the line has only '${ARROW}'`;
  if (index === 0) return `a '${ARROW}' starts the line`;
  if (index === hops.length - 1) return `a '${ARROW}' ends the line`;
  return `two '${ARROW}' with nothing between`;
}
