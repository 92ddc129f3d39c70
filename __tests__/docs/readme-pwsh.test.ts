import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from './helpers/lint-workflows.ts';
import { codeBlocks } from './helpers/markdown.ts';
import { pwshProblems } from './helpers/pwsh-tokens.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PWSH_BLOCKS = codeBlocks(README).filter((block) => ['powershell', 'pwsh', 'ps1'].includes(block.lang));

describe('README PowerShell examples', () => {
  test('there are examples to check', () => assert.ok(PWSH_BLOCKS.length >= 1));
  for (const block of PWSH_BLOCKS) {
    test(`the powershell block at README.md line ${block.line} tokenizes`, () => {
      assert.deepEqual(pwshProblems(block.text), []);
    });
  }
});
