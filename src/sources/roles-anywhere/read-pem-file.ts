import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from '../../errors.ts';

const MAX_PEM_BYTES = 256 * 1024; // a key with a long chain is a few KB
const NON_BLOCKING = constants.O_NONBLOCK ?? 0; // a FIFO must not hang the open (no such flag on Windows)

/**
 * Reads a certificate or key file named by a flag or variable (`input` names it in errors). The open never
 * blocks, only a regular file of bounded size is read, and the contents are never quoted. The path is
 * quoted only when `showPath`: a key's value that is not PEM may be the key itself (base64, say).
 */
export async function readPemFile(path: string, input: string, showPath: boolean): Promise<string> {
  const named = showPath
    ? JSON.stringify(path)
    : `the file it names (the value, ${path.length} characters, is not shown)`;
  const fail = (problem: string): never => {
    throw new InputError(
      input,
      `${named} ${problem}`,
      'Give the path of a PEM file, or the PEM itself with its -----BEGIN line',
    );
  };
  const handle = await open(path, constants.O_RDONLY | NON_BLOCKING).catch((error: unknown) =>
    fail(`cannot be opened (${(error as { code?: string }).code ?? 'error'})`),
  );
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) fail('is not a regular file');
    if (stats.size > MAX_PEM_BYTES) fail(`is larger than ${MAX_PEM_BYTES} bytes`);
    const buffer = Buffer.alloc(MAX_PEM_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_PEM_BYTES) fail(`is larger than ${MAX_PEM_BYTES} bytes`);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    buffer.fill(0);
    return text;
  } finally {
    await handle.close();
  }
}
