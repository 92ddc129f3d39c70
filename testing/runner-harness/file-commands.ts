// Parses GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE the way the Linux runner does (FileCommandManager.cs):
// lines split on LF only, so a CR stays part of a value or delimiter, and malformed content throws.

export class FileCommandError extends Error {
  override name = 'FileCommandError';
}

interface Line {
  text: string;
  /** False for a last line that has no LF after it. */
  terminated: boolean;
}

function* lines(content: string): Generator<Line> {
  let index = 0;
  while (index < content.length) {
    const lf = content.indexOf('\n', index);
    if (lf < 0) {
      yield { text: content.slice(index), terminated: false };
      return;
    }
    yield { text: content.slice(index, lf), terminated: true };
    index = lf + 1;
  }
}

/** `NAME=value` lines and `NAME<<DELIMITER` heredocs; later names win, as in the runner. */
export function parseFileCommands(content: string): Record<string, string> {
  const result: Record<string, string> = {};
  const reader = lines(content);
  for (let next = reader.next(); !next.done; next = reader.next()) {
    const line = next.value.text;
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (name === '') throw new FileCommandError(`Invalid format '${line}': name must not be empty`);
      result[name] = line.slice(equals + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') {
        throw new FileCommandError(`Invalid format '${line}': name and delimiter must not be empty`);
      }
      result[name] = readHeredoc(reader, delimiter);
    } else {
      throw new FileCommandError(`Invalid format '${line}': expected NAME=value or NAME<<DELIMITER`);
    }
  }
  return result;
}

function readHeredoc(reader: Generator<Line>, delimiter: string): string {
  const value: string[] = [];
  for (let next = reader.next(); !next.done; next = reader.next()) {
    if (next.value.text === delimiter) return value.join('\n');
    if (!next.value.terminated) throw new FileCommandError('Invalid value: EOF marker missing new line');
    value.push(next.value.text);
  }
  throw new FileCommandError(`Invalid value: matching delimiter not found '${delimiter}'`);
}

/** GITHUB_PATH: every non-empty line, in file order (the runner reads it with ReadAllLines). */
export function parsePathFile(content: string): string[] {
  return content.split(/\r\n|\r|\n/).filter((line) => line !== '');
}
