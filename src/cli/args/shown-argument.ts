// How a usage error names an argument: a short, plain one by its text; anything else, which may be a
// secret or a key given in the wrong place, by its position and length only.
const SHOWN = /^[\w.:@/+=-]{1,24}$/;
/** A long option's name as a person types it (the part after `--`). */
export const OPTION_LIKE = /^[A-Za-z][\w-]{0,40}$/;
export const shown = (arg: string, index: number): string =>
  SHOWN.test(arg) ? `'${arg}'` : `argument ${index + 1} (${arg.length} characters, not shown)`;

/** Options whose value is a secret: what follows them is never shown, however short. */
export const SECRET_OPTIONS = new Set(['private-key', 'private-key-passphrase', 'mfa-code']);
