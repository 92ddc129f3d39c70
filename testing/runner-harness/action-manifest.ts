// What the runner takes from action.yml for a node action: the declared inputs with their defaults,
// and `runs:` (using, main, post, post-if).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseActionYaml, type YamlMapping, type YamlValue } from './action-yaml.ts';

const MANIFEST_NAMES = ['action.yml', 'action.yaml'] as const;
/** The runner's default when `runs.post-if` is absent. */
const DEFAULT_POST_IF = 'always()';

export interface ActionManifest {
  /** Declared input name → its `default:` (undefined when it has none). */
  inputs: Map<string, string | undefined>;
  runs: { using: string; main: string; post?: string; postIf: string };
}

export class ActionManifestError extends Error {
  override name = 'ActionManifestError';
}

const isMapping = (value: YamlValue | undefined): value is YamlMapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function scalar(value: YamlValue | undefined, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ActionManifestError(`${where} must be a scalar`);
  return value;
}

function inputDefault(value: YamlValue | undefined, where: string): string | undefined {
  const text = scalar(value, where);
  if (text?.includes('${{'))
    throw new ActionManifestError(`${where}: expressions are not supported by the harness`);
  return text;
}

export function readActionManifest(text: string): ActionManifest {
  const root = parseActionYaml(text);
  const inputs = new Map<string, string | undefined>();
  const declared = root.inputs ?? {};
  if (!isMapping(declared)) throw new ActionManifestError('inputs must be a mapping');
  for (const [name, spec] of Object.entries(declared)) {
    if (spec !== null && !isMapping(spec)) throw new ActionManifestError(`inputs.${name} must be a mapping`);
    inputs.set(name, inputDefault(spec?.default, `inputs.${name}.default`));
  }
  const runs = root.runs;
  if (!isMapping(runs)) throw new ActionManifestError('runs must be a mapping');
  const using = scalar(runs.using, 'runs.using');
  const main = scalar(runs.main, 'runs.main');
  if (using === undefined || main === undefined)
    throw new ActionManifestError('runs.using and runs.main are required');
  const post = scalar(runs.post, 'runs.post');
  const postIf = scalar(runs['post-if'], 'runs.post-if') ?? DEFAULT_POST_IF;
  return { inputs, runs: post === undefined ? { using, main, postIf } : { using, main, post, postIf } };
}

export async function loadActionManifest(actionDir: string): Promise<ActionManifest> {
  const file = MANIFEST_NAMES.map((name) => join(actionDir, name)).find((path) => existsSync(path));
  if (file === undefined) throw new ActionManifestError(`no action.yml or action.yaml in ${actionDir}`);
  try {
    return readActionManifest(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ActionManifestError(`${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
