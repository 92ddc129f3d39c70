// Fresh, empty file-command files for each phase, named as the runner names them, and their
// contents once the phase has ended.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileCommandContents } from './types.ts';

const FOLDER = '_runner_file_commands';

/** Each file: the variable the runner sets, and the file-name prefix it uses. */
const FILES: Record<keyof FileCommandContents, { variable: string; prefix: string }> = {
  env: { variable: 'GITHUB_ENV', prefix: 'set_env_' },
  output: { variable: 'GITHUB_OUTPUT', prefix: 'set_output_' },
  state: { variable: 'GITHUB_STATE', prefix: 'save_state_' },
  summary: { variable: 'GITHUB_STEP_SUMMARY', prefix: 'step_summary_' },
  path: { variable: 'GITHUB_PATH', prefix: 'add_path_' },
};

export interface PhaseFiles {
  /** GITHUB_ENV, GITHUB_OUTPUT, … → path, for the child's environment. */
  env: Record<string, string>;
  read(): Promise<FileCommandContents>;
}

export async function createPhaseFiles(runnerTemp: string): Promise<PhaseFiles> {
  const folder = join(runnerTemp, FOLDER);
  await mkdir(folder, { recursive: true });
  const suffix = randomUUID();
  const pathOf = (kind: keyof FileCommandContents): string => join(folder, FILES[kind].prefix + suffix);
  const kinds = Object.keys(FILES) as (keyof FileCommandContents)[];
  await Promise.all(kinds.map((kind) => writeFile(pathOf(kind), '', { flag: 'wx' })));
  // A file the action deleted reads as empty, as the runner treats a missing file.
  const read = (kind: keyof FileCommandContents): Promise<string> =>
    readFile(pathOf(kind), 'utf8').catch(() => '');
  return {
    env: Object.fromEntries(kinds.map((kind) => [FILES[kind].variable, pathOf(kind)])),
    async read() {
      const [env, output, state, summary, path] = await Promise.all([
        read('env'),
        read('output'),
        read('state'),
        read('summary'),
        read('path'),
      ]);
      return { env, output, state, summary, path };
    },
  };
}
