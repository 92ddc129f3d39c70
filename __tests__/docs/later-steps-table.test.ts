import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDoc } from './helpers/doc-files.ts';
import { laterStepsTable } from './helpers/later-steps-table.ts';
import { section } from './helpers/markdown.ts';

test("the README's table of which credentials later steps use is what src/later-steps predicts", () => {
  const text = section(readDoc('README.md'), 'Which credentials do later steps use?');
  assert.ok(text.includes(laterStepsTable()), `the section should hold:\n${laterStepsTable()}`);
});
