// INPUT_<NAME> variables as the runner sets them: given values, else action.yml defaults.
import type { ActionManifest } from './action-manifest.ts';

/** `role-arn` → `INPUT_ROLE-ARN`: spaces become underscores, hyphens stay. */
export function inputVariableName(name: string): string {
  return `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;
}

/**
 * Refuses inputs action.yml does not declare: the runner only warns, but a misspelt input in a test
 * would otherwise silently test the default. Set `INPUT_*` through step env to bypass on purpose.
 */
export function inputEnv(manifest: ActionManifest, given: Record<string, string>): Record<string, string> {
  const declared = new Map([...manifest.inputs.keys()].map((name) => [name.toLowerCase(), name]));
  const unexpected = Object.keys(given).filter((name) => !declared.has(name.toLowerCase()));
  if (unexpected.length > 0) {
    throw new Error(
      `Unexpected input(s) ${unexpected.map((name) => `'${name}'`).join(', ')}; ` +
        `action.yml declares: ${[...manifest.inputs.keys()].join(', ')}`,
    );
  }
  const givenByName = new Map(Object.entries(given).map(([name, value]) => [name.toLowerCase(), value]));
  const env: Record<string, string> = {};
  for (const [name, fallback] of manifest.inputs) {
    const value = givenByName.get(name.toLowerCase()) ?? fallback;
    if (value !== undefined) env[inputVariableName(name)] = value;
  }
  return env;
}
