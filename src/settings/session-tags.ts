import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { SessionTag } from '../sts/session-parameters.ts';
import { quote } from './quote.ts';
import { nonBlankLines } from './read-inputs.ts';
import { MAX_SESSION_TAGS, MAX_TRANSITIVE_TAG_KEYS, TAG_KEY, TAG_VALUE, type TextRule } from './rules.ts';
import { textProblem } from './text-check.ts';

const TAGS_FIX =
  'Give one Key=Value per line: keys 1 to 128 and values 0 to 256 letters, digits, spaces and _.:/=+-@';

/** Session tags, `Key=Value` per line; the value runs to the end of the line and may contain '=' or be empty. */
export function parseSessionTags(value: string | undefined): SessionTag[] {
  const lines = nonBlankLines(value);
  if (lines.length > MAX_SESSION_TAGS)
    throw new InputError(
      Inputs.sessionTags,
      `has ${lines.length} tags, more than STS's ${MAX_SESSION_TAGS}`,
      'Remove tags until at most 50 remain',
    );
  const tags: SessionTag[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) {
    const at = `line ${line.number}`;
    const separator = line.text.indexOf('=');
    if (separator < 0)
      throw new InputError(
        Inputs.sessionTags,
        `${at}, ${quote(line.text)}, has no '=' between key and value`,
        TAGS_FIX,
      );
    const key = line.text.slice(0, separator).trim();
    const tagValue = line.text.slice(separator + 1).trim();
    check(`${at}: the key`, key, TAG_KEY);
    check(`${at}: in the value of ${quote(key)},`, tagValue, TAG_VALUE);
    if (key.toLowerCase().startsWith('aws:'))
      throw new InputError(
        Inputs.sessionTags,
        `${at}: the key ${quote(key)} starts with 'aws:', a prefix AWS reserves`,
        'Choose another key',
      );
    const earlier = seen.get(key.toLowerCase());
    if (earlier !== undefined)
      throw new InputError(
        Inputs.sessionTags,
        `${at}: the key ${quote(key)} repeats the key on line ${earlier} (tag keys ignore case)`,
        'Give each key once',
      );
    seen.set(key.toLowerCase(), line.number);
    tags.push({ key, value: tagValue });
  }
  return tags;
}

/** Keys of session tags that pass on through the chain, one per line; each must be a tag key (any case). */
export function parseTransitiveTagKeys(value: string | undefined, tags: readonly SessionTag[]): string[] {
  const lines = nonBlankLines(value);
  if (lines.length > MAX_TRANSITIVE_TAG_KEYS)
    throw new InputError(
      Inputs.transitiveTagKeys,
      `has ${lines.length} keys, more than STS's ${MAX_TRANSITIVE_TAG_KEYS}`,
      'Remove keys until at most 50 remain',
    );
  const keys = new Map(tags.map((tag) => [tag.key.toLowerCase(), tag.key]));
  return lines.map((line) => {
    const key = keys.get(line.text.toLowerCase());
    if (key !== undefined) return key;
    throw new InputError(
      Inputs.transitiveTagKeys,
      `line ${line.number}, ${quote(line.text)}, is not a key in session-tags`,
      tags.length === 0
        ? 'Add the tag to session-tags, or remove the key'
        : `Use one of the session-tags keys: ${[...keys.values()].join(', ')}`,
    );
  });
}

function check(what: string, text: string, rule: TextRule): void {
  const problem = textProblem(text, rule);
  if (problem) throw new InputError(Inputs.sessionTags, `${what} ${problem}`, TAGS_FIX);
}
