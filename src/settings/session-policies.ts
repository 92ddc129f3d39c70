import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { iamArnProblem } from './iam-arn.ts';
import { nonBlankLines } from './read-inputs.ts';
import { MAX_INLINE_POLICY_CHARS, MAX_MANAGED_POLICIES } from './rules.ts';

/**
 * An inline session policy: a JSON object, returned compacted (STS counts its characters against
 * 2048, and whitespace counts). JSON's own parse message is kept, with line breaks escaped.
 */
export function parseInlinePolicy(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let policy: unknown;
  try {
    policy = JSON.parse(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      Inputs.inlineSessionPolicy,
      `is not valid JSON: ${reason.replace(/\r?\n|\r/g, ' ')}`,
      'Give a JSON policy document, e.g. {"Version":"2012-10-17","Statement":[...]}',
    );
  }
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy))
    throw new InputError(
      Inputs.inlineSessionPolicy,
      `is JSON, but ${Array.isArray(policy) ? 'an array' : policy === null ? 'null' : `a ${typeof policy}`}, not a policy object`,
      'Give a JSON object with Version and Statement, e.g. {"Version":"2012-10-17","Statement":[...]}',
    );
  const compact = JSON.stringify(policy);
  if (compact.length > MAX_INLINE_POLICY_CHARS)
    throw new InputError(
      Inputs.inlineSessionPolicy,
      `is ${compact.length} characters even without whitespace, more than STS's ${MAX_INLINE_POLICY_CHARS}`,
      'Shorten the policy, or move part of it into a managed policy listed in managed-session-policies',
    );
  return compact;
}

/** Managed policy ARNs for the last hop, one per line, at most 10. */
export function parseManagedPolicies(value: string | undefined): string[] {
  const lines = nonBlankLines(value);
  if (lines.length > MAX_MANAGED_POLICIES)
    throw new InputError(
      Inputs.managedSessionPolicies,
      `lists ${lines.length} policies, more than STS's ${MAX_MANAGED_POLICIES}`,
      'List at most 10, or combine some into one managed policy',
    );
  return lines.map((line) => {
    const bad = iamArnProblem(line.text, 'policy');
    if (bad)
      throw new InputError(Inputs.managedSessionPolicies, `line ${line.number}: ${bad.problem}`, bad.fix);
    return line.text;
  });
}
