/**
 * Names and values that botocore and the JS SDK read the same way, and that cannot inject lines.
 * The file format: https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html; what each parser
 * accepts was read from botocore's config loader and @smithy/shared-ini-file-loader's parseIni.
 */

/** Both parsers read these names identically: the SDK only accepts [\w-@+.%:/] in a header. */
const PROFILE_NAME = /^[A-Za-z0-9_.@+%:-]{1,64}$/;

/** Names the allow-list admits but a parser treats specially. */
const RESERVED_NAMES: ReadonlyMap<string, string> = new Map([
  ['DEFAULT', "botocore's INI parser turns a [DEFAULT] section into defaults for every other profile"],
  ['__proto__', 'the JS SDK refuses to read a file with this section name'],
]);

/** The problem with a profile name, or undefined when it is fine. */
export function validateProfileName(name: string): string | undefined {
  const reserved = RESERVED_NAMES.get(name);
  if (reserved) return `profile name '${name}' is reserved: ${reserved}`;
  if (PROFILE_NAME.test(name)) return undefined;
  if (/[\r\n]/.test(name)) return 'a profile name must not contain a line break';
  if (name.length === 0) return 'a profile name must not be empty';
  if (name.length > 64) return `a profile name must be at most 64 characters (got ${name.length})`;
  return `profile name ${JSON.stringify(name)} may only contain letters, digits and _ . @ + % : -`;
}

/**
 * The problem with a value written after `key = `, or undefined when it is fine.
 * Line breaks would inject lines; control characters and edge whitespace are read differently;
 * the JS SDK cuts a value at ` #` or ` ;` (an inline comment) while botocore keeps it.
 */
export function validateValue(key: string, value: string): string | undefined {
  if (/[\r\n]/.test(value)) return `${key} must not contain a line break`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${key} must not contain control characters`;
  if (value.trim() === '') return `${key} must not be empty`;
  if (value.trim() !== value) return `${key} must not start or end with whitespace`;
  if (/(^|\s)[#;]/.test(value)) {
    return `${key} must not contain '#' or ';' at its start or after a space: the JS SDK reads that as a comment`;
  }
  return undefined;
}

/** The problem with text that goes into the marker comment, or undefined when it is fine. */
export function validateCommentText(label: string, text: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(text))
    return `${label} must not contain line breaks or control characters`;
  return undefined;
}
