// A node:test reporter that prints, at the end, the test files that took longest (wall time, start to end
// of each file's process), so a slow file shows before it makes the whole run slow.
import { relative, resolve } from 'node:path';

const SHOWN = 10;

interface TestEvent {
  readonly type: string;
  readonly data?: {
    readonly name?: string;
    readonly file?: string;
    readonly details?: { duration_ms?: number };
  };
}

export default async function* slowestFiles(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const files: { file: string; seconds: number }[] = [];
  for await (const { type, data } of source) {
    // With one process per file, each file ends with a `test:complete` named after the file itself.
    if (type !== 'test:complete' || data?.file === undefined || resolve(data.name ?? '') !== data.file)
      continue;
    files.push({
      file: relative(process.cwd(), data.file),
      seconds: (data.details?.duration_ms ?? 0) / 1000,
    });
  }
  if (files.length === 0) return;
  yield '\nslowest test files (wall time; files run side by side):\n';
  for (const { file, seconds } of files.sort((a, b) => b.seconds - a.seconds).slice(0, SHOWN))
    yield `${seconds.toFixed(1).padStart(6)} s  ${file}\n`;
}
