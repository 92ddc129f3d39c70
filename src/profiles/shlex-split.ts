/**
 * Python's `shlex.split(s)` (POSIX mode, no comments), which botocore uses to read `[profile NAME]`
 * headers. Returns undefined where shlex raises (unclosed quote, trailing backslash): botocore then skips
 * the section.
 */

const WHITESPACE = ' \t\r\n';
const QUOTES = `'"`;
const ESCAPE = '\\';

export function shlexSplit(input: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false; // a word has started (it may still be empty: "")
  let quote = ''; // the open quote, if any
  for (let i = 0; i < input.length; i++) {
    const char = input.charAt(i);
    if (quote) {
      if (char === quote) {
        quote = '';
      } else if (char === ESCAPE && quote === '"') {
        // In double quotes a backslash only escapes a backslash or the quote itself.
        const next = input.charAt(++i);
        if (i >= input.length) return undefined;
        word += next === ESCAPE || next === quote ? next : char + next;
      } else {
        word += char;
      }
    } else if (WHITESPACE.includes(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (QUOTES.includes(char)) {
      quote = char;
      inWord = true;
    } else if (char === ESCAPE) {
      if (i + 1 >= input.length) return undefined;
      word += input.charAt(++i);
      inWord = true;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) return undefined;
  if (inWord) words.push(word);
  return words;
}
