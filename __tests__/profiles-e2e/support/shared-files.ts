// The shared files as bytes: seeding them before a job, and comparing them byte for byte afterwards.
import assert from 'node:assert/strict';
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AwsPaths } from './profile-steps.ts';

/** A file's bytes as a latin1 string (one char per byte, CR and all), or undefined when it is absent. */
export async function bytesOf(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path)).toString('latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface Snapshot {
  credentials: string | undefined;
  config: string | undefined;
}

export async function snapshot(paths: AwsPaths): Promise<Snapshot> {
  return { credentials: await bytesOf(paths.credentials), config: await bytesOf(paths.config) };
}

/** Writes the files a job finds on the runner (mode 0600 in a 0700 ~/.aws); undefined leaves one out. */
export async function seed(paths: AwsPaths, files: Partial<Snapshot>): Promise<Snapshot> {
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  if (files.credentials !== undefined)
    await writeFile(paths.credentials, Buffer.from(files.credentials, 'latin1'), { mode: 0o600 });
  if (files.config !== undefined)
    await writeFile(paths.config, Buffer.from(files.config, 'latin1'), { mode: 0o600 });
  return snapshot(paths);
}

/** Permission bits, or undefined when the path does not exist. */
export async function modeOf(path: string): Promise<number | undefined> {
  const stats = await lstat(path).catch(() => undefined);
  return stats === undefined ? undefined : stats.mode & 0o777;
}

export async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

/**
 * `after` is `before` with one run of bytes inserted and nothing else changed; returns that run. This is the
 * byte-level proof that a write kept every unrelated byte (comments, other sections, CRLF, the last line).
 */
export function insertedBytes(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  const inserted = after.length - before.length;
  assert.ok(inserted > 0, 'nothing was added');
  assert.equal(
    JSON.stringify(after.slice(start + inserted)),
    JSON.stringify(before.slice(start)),
    'the bytes after the new section are not the old bytes',
  );
  return after.slice(start, start + inserted);
}

/** The lines of a section as written: header, marker and `key = value` lines, each with its ending. */
export function sectionLines(bytes: string, header: string): string[] {
  const lines = bytes.split(/(?<=\n)/);
  const start = lines.findIndex((line) => line.replace(/\r?\n$/, '') === header);
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('['));
  return [lines[start] ?? '', ...(end < 0 ? rest : rest.slice(0, end))].filter((line) => line.trim() !== '');
}
