// A node:test reporter that prints, at the end, the test files that took longest: from the first to the last
// event seen from each file, which is its wall time when files run side by side.
import { relative } from 'node:path';

const SHOWN = 10;

interface TestEvent {
  readonly type: string;
  readonly data?: { readonly file?: string };
}

export default async function* slowestFiles(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const spans = new Map<string, { first: number; last: number }>();
  for await (const event of source) {
    const file = event.data?.file;
    if (file === undefined) continue;
    const now = performance.now();
    const span = spans.get(file);
    if (span) span.last = now;
    else spans.set(file, { first: now, last: now });
  }
  const slowest = [...spans]
    .map(([file, span]) => ({
      file: relative(process.cwd(), file),
      seconds: (span.last - span.first) / 1000,
    }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, SHOWN);
  yield `\nslowest test files (wall time, files run side by side):\n`;
  for (const { file, seconds } of slowest) yield `${seconds.toFixed(1).padStart(6)} s  ${file}\n`;
}
