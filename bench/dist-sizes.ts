// Sizes of the committed bundles: each phase's entry bundle and its lazily loaded chunks.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadActionManifest } from '../testing/runner-harness/index.ts';

export const DIST = resolve(import.meta.dirname, '..', 'dist');
export const PHASES = ['main', 'post', 'cli'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseSize {
  /** dist/<phase>/index.js, loaded on every run of the phase. */
  readonly bundle: number;
  /** Every other file under dist/<phase>/ (lazy chunks, shims), loaded only when needed. */
  readonly chunks: number;
  readonly chunkFiles: number;
}

export interface DistSizes {
  readonly phases: Readonly<Record<Phase, PhaseSize>>;
  /** Everything the main phase can load: dist/main.js, the entry and all its chunks. */
  readonly mainLoadable: number;
  /** Every file under dist/, the dist/<phase>.js stubs included. */
  readonly total: number;
}

async function filesUnder(dir: string): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ path, size: (await stat(path)).size })));
}

export async function measureDist(dist = DIST): Promise<DistSizes> {
  const all = await filesUnder(dist);
  const phase = (name: Phase): PhaseSize => {
    const bundlePath = join(dist, name, 'index.js');
    const bundle = all.find((file) => file.path === bundlePath);
    if (!bundle) throw new Error(`${bundlePath} is missing: is dist/ built?`);
    const others = all.filter((file) => file.path.startsWith(join(dist, name, '/')) && file !== bundle);
    return {
      bundle: bundle.size,
      chunks: others.reduce((sum, file) => sum + file.size, 0),
      chunkFiles: others.length,
    };
  };
  const main = phase('main');
  const stub = all.find((file) => file.path === join(dist, 'main.js'))?.size ?? 0;
  return {
    phases: { main, post: phase('post'), cli: phase('cli') },
    mainLoadable: stub + main.bundle + main.chunks,
    total: all.reduce((sum, file) => sum + file.size, 0),
  };
}

/** The incumbent's bundles: runs.main's file and runs.post's file, each loaded whole. */
export interface IncumbentSizes {
  readonly main: number;
  readonly post: number;
}

export async function measureIncumbent(dir: string): Promise<IncumbentSizes> {
  const { runs } = await loadActionManifest(dir);
  const size = async (file: string | undefined) => (file ? (await stat(join(dir, file))).size : 0);
  return { main: await size(runs.main), post: await size(runs.post) };
}
