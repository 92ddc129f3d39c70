import { InputError } from '../errors.ts';

/** Raw value of one input, '' when absent (the action's reader trims like core.getInput). */
export type InputReader = (name: string) => string;

/** Inputs as the parsers see them: trimmed, undefined when absent. */
export interface InputValues {
  /** A single-line input; refuses a line break. */
  single(name: string): string | undefined;
  /** A multi-line input (role-arn, session-tags, profiles, ...). */
  multi(name: string): string | undefined;
}

const LINE_BREAK = /[\r\n]/;

/**
 * Wraps a reader. '' means absent (the default applies); a value of only whitespace can come only from
 * a caller that does not trim (the CLI), and is refused rather than silently taken as absent.
 */
export function inputValues(read: InputReader): InputValues {
  const text = (name: string): string | undefined => {
    const raw = read(name) ?? '';
    if (raw === '') return undefined;
    const value = raw.trim();
    if (value === '')
      throw new InputError(name, 'is blank (only whitespace)', `Give a value, or leave '${name}' out`);
    return value;
  };
  return {
    single(name) {
      const value = text(name);
      if (value !== undefined) refuseLineBreak(name, value);
      return value;
    },
    multi: text,
  };
}

/**
 * Refuses CR or LF in a single-line value, without echoing it (it may be a secret). A line break would
 * let a value add lines to the files and commands this action writes.
 */
export function refuseLineBreak(input: string, value: string, origin?: string): void {
  if (!LINE_BREAK.test(value)) return;
  const subject = origin ? `its value from ${origin}` : 'it';
  throw new InputError(
    input,
    `${subject} contains a line break (CR or LF), but takes a single line`,
    'Give the value on one line; line breaks are refused so that no value can add lines to the files this action writes',
  );
}

/** The first of the environment variables that is set and not blank, checked to be a single line. */
export function fromEnv(
  env: NodeJS.ProcessEnv,
  names: readonly string[],
  input: string,
): { readonly value: string; readonly origin: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (!value) continue;
    refuseLineBreak(input, value, name);
    return { value, origin: name };
  }
  return undefined;
}

export interface Line {
  /** 1-based, counting blank lines too, as a person counts them in the workflow file. */
  readonly number: number;
  readonly text: string;
}

/** The non-blank lines of a multi-line value, trimmed. CR, LF and CRLF all end a line. */
export function nonBlankLines(value: string | undefined): Line[] {
  if (value === undefined) return [];
  return value
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ number: index + 1, text: text.trim() }))
    .filter((line) => line.text !== '');
}
