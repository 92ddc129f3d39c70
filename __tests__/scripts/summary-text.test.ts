import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as core from '@actions/core';
import { summaryText } from '../../scripts/summary-text.ts';

/** What @actions/core's summary writes for these calls, read back from a real summary file. */
async function summaryHtml(write: (summary: typeof core.summary) => Promise<unknown>): Promise<string> {
  const file = join(tmpdir(), `summary-text-${process.pid}.md`);
  await writeFile(file, '');
  const saved = process.env.GITHUB_STEP_SUMMARY;
  process.env.GITHUB_STEP_SUMMARY = file;
  try {
    await write(core.summary.emptyBuffer());
    return await readFile(file, 'utf8');
  } finally {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
    await rm(file, { force: true });
  }
}

test('a summary reads as a person sees it: heading underlined, table columns aligned, entities decoded', async () => {
  const html = await summaryHtml((summary) =>
    summary
      .addHeading('AWS credentials', 3)
      .addRaw('Source: <code>oidc</code> (a &amp; b)', true)
      .addTable([
        [
          { data: 'for', header: true },
          { data: 'session', header: true },
        ],
        [{ data: 'environment variables' }, { data: '<code>arn:aws:sts::1:x</code>' }],
        [{ data: 'profile <code>dev</code>' }, { data: '&#60;masked&#62;' }],
      ])
      .write(),
  );
  assert.equal(
    summaryText(html),
    [
      'AWS credentials',
      '---------------',
      '',
      'Source: oidc (a & b)',
      '',
      'for                    session',
      '---------------------  ----------------',
      'environment variables  arn:aws:sts::1:x',
      'profile dev            <masked>',
      '',
    ].join('\n'),
  );
});

test('a code block keeps its lines, indented', async () => {
  const html = await summaryHtml((summary) =>
    summary.addHeading('AWS credentials: failed', 3).addCodeBlock('first line\nsecond &lt;line&gt;').write(),
  );
  assert.equal(
    summaryText(html),
    'AWS credentials: failed\n-----------------------\n\n    first line\n    second <line>\n',
  );
});
