/** One temp directory per property test; one HOME inside it per generated case, with copies kept for botocore. */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SharedFilePaths } from '../../src/profiles/index.ts';
import { type GeneratedFile, render } from './shared-file-arbitraries.ts';
import type { BotocoreCase } from './shared-file-readers.ts';

export const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

export const readPair = async (paths: SharedFilePaths): Promise<(string | undefined)[]> =>
  Promise.all(
    [paths.credentialsFile, paths.configFile].map((path) => readFile(path, 'utf8').catch(() => undefined)),
  );

export interface FuzzCase {
  readonly home: string;
  readonly paths: SharedFilePaths;
  /** The generated files' text (undefined: absent). */
  readonly before: (string | undefined)[];
  /** Copies the pair as it is now into HOME/kept/STAGE-*, for reading later (botocore runs once per test). */
  keep(stage: string): Promise<BotocoreCase>;
}

export async function fuzzWorkspace() {
  const root = await mkdtemp(join(tmpdir(), 'profiles-fuzz-'));
  let count = 0;
  return {
    dispose: () => rm(root, { recursive: true, force: true }),
    /** Writes the generated pair into a fresh HOME/.aws. */
    async layOut(credentials: GeneratedFile, config: GeneratedFile): Promise<FuzzCase> {
      const home = join(root, String(count++));
      const paths = {
        credentialsFile: join(home, '.aws', 'credentials'),
        configFile: join(home, '.aws', 'config'),
      };
      const before = [credentials, config].map((file) => (file.absent ? undefined : render(file)));
      await mkdir(join(home, 'kept'), { recursive: true });
      if (before.some((text) => text !== undefined)) await mkdir(join(home, '.aws'));
      if (before[0] !== undefined) await writeFile(paths.credentialsFile, before[0]);
      if (before[1] !== undefined) await writeFile(paths.configFile, before[1]);
      const keep = async (stage: string): Promise<BotocoreCase> => {
        const kept = {
          credentials: join(home, 'kept', `${stage}-credentials`),
          config: join(home, 'kept', `${stage}-config`),
        };
        if (await exists(paths.credentialsFile)) await copyFile(paths.credentialsFile, kept.credentials);
        if (await exists(paths.configFile)) await copyFile(paths.configFile, kept.config);
        return kept;
      };
      return { home, paths, before, keep };
    },
  };
}
