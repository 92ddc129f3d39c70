// The build the end-to-end tests run: the current src/ built the way `npm run build` builds dist/, into
// node_modules/.cache, keyed by a hash of everything the build reads, and reused while that is unchanged.
// Its directory is laid out as the runner sees the action: action.yml, package.json and dist/.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Set by scripts/test.ts for every test process: the directory of the build under test. */
export const TEST_BUILD_ENV = 'ASSUME_AWS_ROLE_TEST_BUILD';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'assume-aws-role', 'test-builds');
/** Everything scripts/build.ts reads, and the files copied beside dist/. */
const INPUTS = [
  'src',
  'scripts/build.ts',
  'scripts/shims',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'action.yml',
];
/** Copied beside dist/, as a checkout of the action has them. */
const ACTION_FILES = ['action.yml', 'package.json'];
/** Older builds kept besides the current one, so a run still using one keeps it. */
const KEPT_BUILDS = 2;

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of the build's inputs: their paths and contents. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(ROOT, input)))) {
    hash.update(`${relative(ROOT, file).replaceAll('\\', '/')}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const isBuild = (dir: string): boolean => existsSync(join(dir, 'action.yml'));

/** The build of the current source: reused when one exists, built otherwise. Returns its directory. */
export async function ensureTestBuild(log: (line: string) => void = () => {}): Promise<string> {
  const dir = join(CACHE, sourceHash());
  if (isBuild(dir)) {
    log(`test build: reusing ${relative(ROOT, dir)}`);
    return dir;
  }
  log(`test build: building src/ into ${relative(ROOT, dir)}`);
  const { build } = await import('../../scripts/build.ts');
  const staging = `${dir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await build(join(staging, 'dist'));
  for (const file of ACTION_FILES) copyFileSync(join(ROOT, file), join(staging, file));
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another run finished the same build first: theirs is identical.
    rmSync(staging, { recursive: true, force: true });
    if (!isBuild(dir)) throw error;
  }
  pruneOldBuilds(dir);
  return dir;
}

function pruneOldBuilds(current: string): void {
  mkdirSync(CACHE, { recursive: true });
  const others = readdirSync(CACHE)
    .map((name) => join(CACHE, name))
    .filter((path) => path !== current && !path.includes('.building-'))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const old of others.slice(KEPT_BUILDS)) rmSync(old, { recursive: true, force: true });
}

let found: string | undefined;

/**
 * The directory of the action under test (action.yml and dist/): the one scripts/test.ts built, or, for a
 * test file run on its own, the cached build of the current source. Never the committed dist/.
 */
export function builtActionDir(): string {
  found ??= process.env[TEST_BUILD_ENV] ?? join(CACHE, sourceHash());
  if (!isBuild(found))
    throw new Error(
      `no build of the current src/ at ${found}: run the end-to-end tests with \`npm run test:e2e\` ` +
        '(it builds once), or build for them with `node testing/e2e/test-build.ts`',
    );
  return found;
}

/** The built CLI under test. */
export const builtCli = (): string => join(builtActionDir(), 'dist', 'cli.js');

if (import.meta.main) console.log(await ensureTestBuild(console.error));
