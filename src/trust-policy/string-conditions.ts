/**
 * IAM's StringEquals and StringLike, as a trust policy applies them to a token's claims: several values
 * for one key match if any does (OR); several keys, and the two operators, must all match (AND); a key
 * the request does not carry never matches. Keys compare case-insensitively, values exactly.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export type ConditionValues = string | readonly string[];
export type ConditionBlock = Readonly<
  Partial<Record<'StringEquals' | 'StringLike', Readonly<Record<string, ConditionValues>>>>
>;

/** The request's condition keys, e.g. `token.actions.githubusercontent.com:sub` → the token's sub. */
export type ConditionContext = Readonly<Record<string, string | undefined>>;

export function conditionMatches(block: ConditionBlock, context: ConditionContext): boolean {
  const lowerContext = new Map(Object.entries(context).map(([key, value]) => [key.toLowerCase(), value]));
  return Object.entries(block).every(([operator, keys]) => {
    const test =
      operator === 'StringLike' ? stringLike : operator === 'StringEquals' ? stringEquals : undefined;
    if (!test || !keys) return false; // an operator this evaluator does not know never grants
    return Object.entries(keys).every(([key, values]) => {
      const actual = lowerContext.get(key.toLowerCase());
      if (actual === undefined) return false;
      return (typeof values === 'string' ? [values] : values).some((value) => test(value, actual));
    });
  });
}

const stringEquals = (expected: string, actual: string): boolean => expected === actual;

/** `*` matches any run of characters (`/` and `:` included), `?` exactly one; everything else is literal. */
export function stringLike(pattern: string, actual: string): boolean {
  const source = Array.from(pattern, (char) =>
    char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'),
  ).join('');
  return new RegExp(`^${source}$`, 'su').test(actual);
}
