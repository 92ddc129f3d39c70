// The Markdown files the docs tests check, named relative to the repository root.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lint-workflows.ts';

/** The pages a user reads: the README and everything in docs/. */
export function userDocs(): string[] {
  const dir = join(ROOT, 'docs');
  const pages = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...pages];
}

/** Every Markdown page of the project: the user's pages and those for contributors and reporters. */
export function projectDocs(): string[] {
  return [...userDocs(), 'CHANGELOG.md', 'CONTRIBUTING.md', 'SECURITY.md', 'BENCHMARKS.md'];
}

export const readDoc = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
