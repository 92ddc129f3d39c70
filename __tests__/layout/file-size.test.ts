import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SRC, sourceFiles } from './source-files.ts';

/** One job per file: a file that grows past this is doing two. */
const MAX_LINES = 200;

test(`every src/ file has at most ${MAX_LINES} lines`, () => {
  const tooLong = sourceFiles()
    .map((file) => ({ file, lines: readFileSync(join(SRC, file), 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `src/${file}: ${lines} lines`);
  assert.deepEqual(tooLong, [], `split these files:\n  ${tooLong.join('\n  ')}`);
});
