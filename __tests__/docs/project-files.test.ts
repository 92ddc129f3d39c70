import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { projectDocs, readDoc as read } from './helpers/doc-files.ts';
import { ROOT, workflowFiles } from './helpers/lint-workflows.ts';
import { headingAnchors, links } from './helpers/markdown.ts';

const DOCS = projectDocs();
const PACKAGE = JSON.parse(read('package.json')) as {
  version: string;
  license: string;
  scripts: Record<string, string>;
};

describe('project files', () => {
  test('LICENSE is the MIT license, as package.json says', () => {
    const license = read('LICENSE');
    assert.match(license, /^MIT License\n\nCopyright \(c\) \d{4} \S/);
    assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
    assert.equal(PACKAGE.license, 'MIT');
  });

  test("the CHANGELOG's latest entry is package.json's version", () => {
    const latest = /^## \[?(\d+\.\d+\.\d+)\]?/m.exec(read('CHANGELOG.md'))?.[1];
    assert.equal(latest, PACKAGE.version);
  });

  test('SECURITY.md says how to report privately and which versions are supported, and links the model', () => {
    const security = read('SECURITY.md');
    assert.match(security, /## Reporting a vulnerability/);
    assert.match(security, /private vulnerability reporting/);
    assert.match(security, /## Supported versions/);
    assert.ok(links(security).some((link) => link.target === 'docs/security.md#security-model'));
  });

  test('CONTRIBUTING.md covers build, test, bench, the dist rule and the release tags', () => {
    const contributing = read('CONTRIBUTING.md');
    for (const text of [
      'npm run build',
      'npm test',
      'npm run bench',
      'npm run check-dist',
      '`v1.x.y`',
      '`v1`',
    ])
      assert.ok(contributing.includes(text), `CONTRIBUTING.md mentions ${text}`);
    assert.match(contributing, /## The dist rule/);
  });

  test('every `npm run` command in the docs and workflows is a package.json script', () => {
    const texts = [...DOCS.map(read), ...workflowFiles().map((path) => readFileSync(path, 'utf8'))];
    const named = texts.flatMap((text) =>
      Array.from(text.matchAll(/\bnpm run ([\w:.-]+)/g), (match) => match[1] ?? ''),
    );
    assert.ok(named.length > 5);
    assert.deepEqual(
      [...new Set(named)].filter((script) => !(script in PACKAGE.scripts)),
      [],
    );
  });

  test('the docs and lint:workflows scripts are wired', () => {
    assert.equal(PACKAGE.scripts.docs, 'node scripts/reference-tables.ts');
    assert.equal(PACKAGE.scripts['lint:workflows'], 'node __tests__/docs/helpers/lint-workflows.ts');
  });

  for (const doc of DOCS) {
    test(`${doc}: links to repository files and their headings resolve`, () => {
      const broken = links(read(doc)).flatMap(({ target }) => {
        if (/^[a-z]+:/.test(target)) return [];
        const [file = '', anchor] = target.split('#');
        const path = file === '' ? doc : join(dirname(doc), file);
        if (!existsSync(join(ROOT, path))) return [`${target}: no such file`];
        if (anchor && path.endsWith('.md') && !headingAnchors(read(path)).has(anchor))
          return [`${target}: no such heading`];
        return [];
      });
      assert.deepEqual(broken, []);
    });
  }
});
