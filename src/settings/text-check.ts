import { describeChar, quote } from './quote.ts';
import type { TextRule } from './rules.ts';

/**
 * What is wrong with a value under a rule, as the start of a sentence, or undefined when it is fine.
 * Lengths count characters (code points). A secret is described without showing it or its characters.
 */
export function textProblem(value: string, rule: TextRule, secret = false): string | undefined {
  const chars = Array.from(value);
  const subject = secret ? 'it' : quote(value);
  if (chars.length < rule.min)
    return `${subject} is ${chars.length} ${plural(chars.length, 'character')} long, shorter than ${rule.min}`;
  if (chars.length > rule.max)
    return `${subject} is ${chars.length} characters long, longer than ${rule.max}`;
  const bad = chars.findIndex((char) => !rule.char.test(char));
  if (bad < 0) return undefined;
  const what = secret ? 'a character that is not allowed' : describeChar(chars[bad] ?? '');
  return `${subject} contains ${what} at position ${bad + 1}; only ${rule.chars} are allowed`;
}

/** The rule as a person reads it: "2 to 64 letters, digits and _+=,.@-". */
export function describeRule(rule: TextRule): string {
  return `${rule.min} to ${rule.max} ${rule.chars}`;
}

export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
