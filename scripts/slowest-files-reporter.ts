// A node:test reporter that prints, at the end, the test files that took longest, so a slow file shows
// before it makes the whole run slow. With a process per file that is the process's wall time; with files
// sharing a process, the sum of each file's top-level tests.
import { relative, resolve } from 'node:path';
import { recordTime } from './test-shards.ts';

const SHOWN = 10;

interface TestEvent {
  readonly type: string;
  readonly data?: {
    readonly name?: string;
    readonly file?: string;
    readonly nesting?: number;
    readonly details?: { duration_ms?: number };
  };
}

export default async function* slowestFiles(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const processes = new Map<string, number>();
  const shared = new Map<string, number>();
  for await (const { type, data } of source) {
    if (type !== 'test:complete' || data?.file === undefined) continue;
    const ms = data.details?.duration_ms ?? 0;
    // With one process per file, each file ends with a `test:complete` named after the file itself.
    if (resolve(data.name ?? '') === data.file) processes.set(data.file, ms);
    else if (data.nesting === 0) shared.set(data.file, (shared.get(data.file) ?? 0) + ms);
  }
  const files = processes.size > 0 ? processes : shared;
  for (const [file, ms] of files) recordTime(relative(process.cwd(), file).replaceAll('\\', '/'), ms);
  if (files.size === 0) return;
  yield `\nslowest test files (${processes.size > 0 ? 'wall time; files run side by side' : 'sum of their tests'}):\n`;
  const sorted = [...files].sort(([, a], [, b]) => b - a).slice(0, SHOWN);
  for (const [file, ms] of sorted)
    yield `${(ms / 1000).toFixed(1).padStart(6)} s  ${relative(process.cwd(), file)}\n`;
}
