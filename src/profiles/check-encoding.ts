/**
 * The shared files must be UTF-8 without a byte order mark: botocore cannot read a BOM, and UTF-16 (what
 * Windows PowerShell 5 writes with `>`) is read by no AWS tool. Such a file is refused, never edited.
 */
import { ProfileFileError } from './errors.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder('utf-8', { fatal: true });

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

/** Throws a ProfileFileError naming the file and how to re-save it when it is not plain UTF-8. */
export function checkUtf8(path: string, bytes: Uint8Array): void {
  const problem = encodingProblem(bytes);
  if (!problem) return;
  throw new ProfileFileError(path, `${problem}; assume-aws-role changed nothing`, resaveFix(path, problem));
}

function encodingProblem(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, UTF8_BOM))
    return 'starts with a UTF-8 byte order mark (BOM), which botocore cannot read';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return 'is UTF-16 text, which AWS tools cannot read';
  if (bytes.includes(0))
    return 'holds NUL bytes (UTF-16 text without a byte order mark?), which AWS tools cannot read';
  try {
    utf8.decode(bytes);
    return undefined;
  } catch {
    return 'is not valid UTF-8, which AWS tools need';
  }
}

function resaveFix(path: string, problem: string): string {
  const quoted = JSON.stringify(path);
  const unix = problem.includes('byte order mark (BOM)')
    ? `tail -c +4 ${quoted} > ${quoted}.new && mv ${quoted}.new ${quoted}`
    : `iconv -f ${problem.includes('UTF-16') ? 'UTF-16' : 'LATIN1'} -t UTF-8 ${quoted} > ${quoted}.new && mv ${quoted}.new ${quoted}`;
  return (
    `Save it as UTF-8 without a BOM, then run again: on Linux or macOS \`${unix}\`; in PowerShell 7 ` +
    `\`(Get-Content ${quoted}) | Set-Content -Encoding utf8NoBOM ${quoted}\``
  );
}
