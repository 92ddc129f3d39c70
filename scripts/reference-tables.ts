// Writes the inputs and outputs tables of docs/reference.md from action.yml, between their markers.
// Usage: node scripts/reference-tables.ts           rewrite docs/reference.md
//        node scripts/reference-tables.ts --check   exit 1, changing nothing, when it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export interface ActionInput {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly default?: string;
}

export interface ActionOutput {
  readonly name: string;
  readonly description: string;
}

export interface ActionReference {
  readonly inputs: readonly ActionInput[];
  readonly outputs: readonly ActionOutput[];
}

/** The page that holds the generated tables, relative to the repository root. */
export const REFERENCE_PAGE = 'docs/reference.md';

export type Section = 'inputs' | 'outputs';
export const SECTIONS: readonly Section[] = ['inputs', 'outputs'];

export const startMarker = (section: Section): string => `<!-- ${section}:start -->`;
export const endMarker = (section: Section): string => `<!-- ${section}:end -->`;
/** The first line of every generated block, so that nobody edits the table by hand. */
export const GENERATED_NOTE =
  '<!-- Generated from action.yml by `npm run docs`: edit action.yml, not this table. -->';

/** Input and output names as GitHub accepts them, and as a table cell can show them. */
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The documented inputs and outputs of an action.yml, in file order. Throws on anything undocumented. */
export function readActionReference(actionYml: string): ActionReference {
  const action: unknown = parse(actionYml);
  if (!isMapping(action)) throw new Error('action.yml is not a mapping');
  const inputs = entries(action.inputs, 'inputs').map(([name, spec]): ActionInput => {
    const value = spec.default;
    return {
      name,
      description: describedBy(spec, `input '${name}'`),
      required: spec.required === true || spec.required === 'true',
      ...(value === undefined || value === null ? {} : { default: String(value) }),
    };
  });
  const outputs = entries(action.outputs, 'outputs').map(
    ([name, spec]): ActionOutput => ({ name, description: describedBy(spec, `output '${name}'`) }),
  );
  return { inputs, outputs };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(value: unknown, what: string): [string, Record<string, unknown>][] {
  if (value === undefined || value === null) return [];
  if (!isMapping(value)) throw new Error(`action.yml: '${what}' is not a mapping`);
  return Object.entries(value).map(([name, spec]) => {
    if (!NAME.test(name)) throw new Error(`action.yml: ${what} name '${name}' is not a valid name`);
    if (!isMapping(spec)) throw new Error(`action.yml: ${what}.${name} is not a mapping`);
    return [name, spec];
  });
}

function describedBy(spec: Record<string, unknown>, what: string): string {
  const description = spec.description;
  if (typeof description !== 'string' || description.trim() === '')
    throw new Error(`action.yml: ${what} has no description`);
  return description;
}

/** Text made safe for one table cell: one line, no cell breaks, nothing read as HTML or an entity. */
export function tableCell(text: string): string {
  return text
    .trim()
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('|', '\\|');
}

/** One table row; an empty cell stays visibly empty (`| |`). */
function row(cells: readonly string[]): string {
  return `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
}

/** Inline code for a value that may hold backticks: a longer fence, padded when the value touches it. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replaceAll('|', '\\|')}${pad}${fence}`;
}

export function renderInputs(inputs: readonly ActionInput[]): string {
  const rows = inputs.map((input) => {
    const value = input.default === undefined || input.default === '' ? '' : inlineCode(input.default);
    const description = (input.required ? '**Required.** ' : '') + tableCell(input.description);
    return row([inlineCode(input.name), value, description]);
  });
  return [GENERATED_NOTE, '| Input | Default | Description |', '|---|---|---|', ...rows].join('\n');
}

export function renderOutputs(outputs: readonly ActionOutput[]): string {
  const rows = outputs.map((output) => row([inlineCode(output.name), tableCell(output.description)]));
  return [GENERATED_NOTE, '| Output | Description |', '|---|---|', ...rows].join('\n');
}

/** Replaces what lies between a section's markers; each marker must appear exactly once, in order. */
export function replaceSection(page: string, section: Section, body: string): string {
  const start = startMarker(section);
  const end = endMarker(section);
  const count = (marker: string) => page.split(marker).length - 1;
  if (count(start) !== 1 || count(end) !== 1)
    throw new Error(
      `${REFERENCE_PAGE} must contain ${start} and ${end} exactly once each, on lines of their own`,
    );
  const from = page.indexOf(start) + start.length;
  const to = page.indexOf(end);
  if (to < from) throw new Error(`${REFERENCE_PAGE} has ${end} before ${start}`);
  return `${page.slice(0, from)}\n${body}\n${page.slice(to)}`;
}

/** The page with both generated sections brought up to date; unchanged text when they already are. */
export function updateReference(page: string, reference: ActionReference): string {
  const withInputs = replaceSection(page, 'inputs', renderInputs(reference.inputs));
  return replaceSection(withInputs, 'outputs', renderOutputs(reference.outputs));
}

/** The sections whose generated text differs between two versions of the page. */
export function staleSections(current: string, updated: string): Section[] {
  const between = (text: string, section: Section) =>
    text.slice(text.indexOf(startMarker(section)), text.indexOf(endMarker(section)));
  return SECTIONS.filter((section) => between(current, section) !== between(updated, section));
}

function main(args: readonly string[]): void {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}; only --check is accepted`);
  const root = resolve(import.meta.dirname, '..');
  const pagePath = resolve(root, REFERENCE_PAGE);
  const page = readFileSync(pagePath, 'utf8');
  const updated = updateReference(
    page,
    readActionReference(readFileSync(resolve(root, 'action.yml'), 'utf8')),
  );
  if (updated === page) {
    console.log(`${REFERENCE_PAGE}: the inputs and outputs tables match action.yml`);
    return;
  }
  if (args.includes('--check')) {
    const stale = staleSections(page, updated).join(' and ');
    console.error(
      `${REFERENCE_PAGE}: the ${stale} reference differs from action.yml. Run \`npm run docs\` and commit.`,
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(pagePath, updated);
  console.log(`${REFERENCE_PAGE}: rewrote the inputs and outputs tables from action.yml`);
}

if (import.meta.main) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`reference-tables: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
