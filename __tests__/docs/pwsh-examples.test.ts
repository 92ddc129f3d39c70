import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readDoc, userDocs } from './helpers/doc-files.ts';
import { codeBlocks } from './helpers/markdown.ts';
import { pwshProblems } from './helpers/pwsh-tokens.ts';

const PWSH_BLOCKS = userDocs().flatMap((path) =>
  codeBlocks(readDoc(path))
    .filter((block) => ['powershell', 'pwsh', 'ps1'].includes(block.lang))
    .map((block) => ({ ...block, where: `${path}:${block.line}` })),
);

describe('PowerShell examples in the README and docs/', () => {
  test('there are examples to check, the Windows section among them', () =>
    assert.ok(PWSH_BLOCKS.length >= 5));
  for (const block of PWSH_BLOCKS) {
    test(`the powershell block at ${block.where} tokenizes`, () => {
      assert.deepEqual(pwshProblems(block.text), []);
    });
  }
});
