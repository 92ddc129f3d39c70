/**
 * A PowerShell plausibility check for README examples (pwsh cannot be installed here): strings, here-strings,
 * comments, escapes and brackets, after the PowerShell language specification's lexical rules (about_Quoting_Rules,
 * about_Comments, about_Special_Characters). Returns the problems found; [] for a block that tokenizes.
 */
const CLOSERS: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
/** Lines that are bash or cmd, not PowerShell. */
const FOREIGN = /^\s*(export|eval|set|source|unset)\s|^\s*\S+=\S/;

export function pwshProblems(code: string): string[] {
  const problems: string[] = [];
  const stack: { char: string; line: number }[] = [];
  let line = 1;
  let index = 0;
  const at = (offset = 0): string => code[index + offset] ?? '';
  for (const [number, text] of code.split('\n').entries()) {
    if (FOREIGN.test(text)) problems.push(`line ${number + 1}: not PowerShell: ${text.trim()}`);
  }
  while (index < code.length) {
    const char = at();
    if (char === '\n') {
      line++;
      index++;
    } else if (char === '`') {
      if (at(1) === '\n') line++;
      index += 2; // an escape, or a line continuation
    } else if (char === '<' && at(1) === '#') {
      const end = code.indexOf('#>', index + 2);
      if (end < 0) return [...problems, `line ${line}: a <# comment never ends`];
      line += code.slice(index, end).split('\n').length - 1;
      index = end + 2;
    } else if (char === '#') {
      while (index < code.length && at() !== '\n') index++;
    } else if (char === '@' && (at(1) === "'" || at(1) === '"') && at(2) === '\n') {
      const close = `\n${at(1)}@`;
      const end = code.indexOf(close, index + 2);
      if (end < 0) return [...problems, `line ${line}: a here-string never ends`];
      line += code.slice(index, end + 1).split('\n').length - 1;
      index = end + close.length;
    } else if (char === "'") {
      const start = line;
      index++;
      for (;;) {
        if (index >= code.length) return [...problems, `line ${start}: a '…' string never ends`];
        if (at() === "'" && at(1) === "'") index += 2;
        else if (at() === "'") break;
        else {
          if (at() === '\n') line++;
          index++;
        }
      }
      index++;
    } else if (char === '"') {
      const start = line;
      index++;
      for (;;) {
        if (index >= code.length) return [...problems, `line ${start}: a "…" string never ends`];
        if (at() === '`' || (at() === '"' && at(1) === '"')) index += 2;
        else if (at() === '"') break;
        else {
          if (at() === '\n') line++;
          index++;
        }
      }
      index++;
    } else if (char in CLOSERS) {
      stack.push({ char, line });
      index++;
    } else if (Object.values(CLOSERS).includes(char)) {
      const open = stack.pop();
      if (!open || CLOSERS[open.char] !== char) return [...problems, `line ${line}: an unmatched ${char}`];
      index++;
    } else {
      index++;
    }
  }
  for (const open of stack) problems.push(`line ${open.line}: ${open.char} is never closed`);
  return problems;
}
