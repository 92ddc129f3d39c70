import { parseActionSettings } from '../../src/action/action-settings.ts';
import type { InputReader } from '../../src/settings/read-inputs.ts';

/** The INPUT_* variables the runner would set for these action inputs. */
export function inputEnv(inputs: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]),
  );
}

/** Reads inputs as the action does (core.getInput): from INPUT_* variables, trimmed, '' when absent. */
export function actionReader(inputs: Readonly<Record<string, string>>): InputReader {
  const env = inputEnv(inputs);
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Reads inputs untrimmed, as a CLI may pass them. */
export function rawReader(inputs: Readonly<Record<string, string>>): InputReader {
  return (name) => inputs[name] ?? '';
}

export const CONTEXT = { defaultSessionName: 'gha-repo-42-1' } as const;

/** Parses action inputs as the action would. */
export function parse(
  inputs: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv = {},
): ReturnType<typeof parseActionSettings> {
  return parseActionSettings(actionReader(inputs), env, CONTEXT);
}
