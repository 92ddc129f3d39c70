// Checks STS applies after the service model's constraints: tags, session policies, durations.
import { StsError } from './sts-error.ts';
import type { Tag } from './sts-params.ts';

const PACKED_LIMIT = 2048; // plaintext budget shared by the policy, policy ARNs and tags
const DEFAULT_DURATION_SECONDS = 3600;
const CHAINED_MAX_SECONDS = 3600; // role chaining caps sessions at one hour

export function checkTags(tags: Tag[], transitiveTagKeys: string[]): void {
  const seen = new Set<string>();
  for (const { key } of tags) {
    const folded = key.toLowerCase();
    if (seen.has(folded)) {
      throw new StsError(
        'ValidationError',
        'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      );
    }
    seen.add(folded);
  }
  if (transitiveTagKeys.some((key) => !seen.has(key.toLowerCase()))) {
    throw new StsError(
      'ValidationError',
      'The specified transitive tag key must be included in the requested tags.',
    );
  }
}

/** Checks the inline policy and returns PackedPolicySize: the percentage of the packed budget used. */
export function checkSessionPolicy(policy: string | undefined, policyArns: string[], tags: Tag[]): number {
  let packed = 0;
  if (policy !== undefined) {
    let document: unknown;
    try {
      document = JSON.parse(policy);
    } catch {
      throw new StsError('MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
    }
    if (typeof document !== 'object' || document === null || !('Statement' in document)) {
      throw new StsError('MalformedPolicyDocument', 'Syntax errors in policy.');
    }
    packed += JSON.stringify(document).length;
  }
  for (const arn of policyArns) packed += arn.length;
  for (const tag of tags) packed += tag.key.length + tag.value.length;
  const percent = Math.ceil((packed * 100) / PACKED_LIMIT);
  if (packed > PACKED_LIMIT) {
    throw new StsError(
      'PackedPolicyTooLarge',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
    );
  }
  return percent;
}

/** The session length to grant, refusing what the role or role chaining does not allow. */
export function sessionSeconds(
  requested: number | undefined,
  maxSessionDuration: number,
  chained: boolean,
): number {
  if (requested === undefined) return DEFAULT_DURATION_SECONDS;
  if (chained && requested > CHAINED_MAX_SECONDS) {
    throw new StsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (requested > maxSessionDuration) {
    throw new StsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  return requested;
}
