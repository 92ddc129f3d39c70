// A job: fresh HOME / RUNNER_TEMP / GITHUB_WORKSPACE, and steps whose exports carry into later steps.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { builtActionDir } from '../e2e/test-build.ts';
import { type ActionManifest, loadActionManifest } from './action-manifest.ts';
import { FileCommandError, parseFileCommands, parsePathFile } from './file-commands.ts';
import { type JobDirs, jobContextEnv, pushEvent } from './github-context.ts';
import { inputEnv } from './input-env.ts';
import { createPhaseFiles } from './phase-files.ts';
import { shouldRunPost } from './post-condition.ts';
import { assertRuntime, spawnNode } from './spawn-node.ts';
import type { Job, JobOptions, PhaseResult, StepContext, StepOptions, StepResult } from './types.ts';
import { masksOf, parseWorkflowCommands } from './workflow-commands.ts';

/** Used only when the test process itself has no PATH. */
const FALLBACK_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The runner refuses these from GITHUB_ENV (one step could inject code into every later node step). */
const REFUSED_EXPORTS = new Set(['NODE_OPTIONS']);

export async function createJob(options: JobOptions = {}): Promise<Job> {
  const dir = await mkdtemp(join(tmpdir(), 'runner-harness-'));
  const dirs: JobDirs = {
    home: join(dir, 'home'),
    runnerTemp: join(dir, 'runner-temp'),
    workspace: join(dir, 'workspace'),
    toolCache: join(dir, 'tool-cache'),
    eventPath: join(dir, 'event.json'),
  };
  await Promise.all([dirs.home, dirs.runnerTemp, dirs.workspace, dirs.toolCache].map((path) => mkdir(path)));
  const context = jobContextEnv(dirs);
  await writeFile(dirs.eventPath, pushEvent(context.GITHUB_SHA ?? ''));
  // Deliberately not process.env: nothing from the developer's machine (AWS_*, proxies…) leaks in.
  const base = { PATH: process.env.PATH ?? FALLBACK_PATH, ...context, ...options.env };
  return new HarnessJob(dir, dirs, base);
}

function parseFile(label: string, content: string, entry: string): Record<string, string> {
  try {
    return parseFileCommands(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FileCommandError(
      `${label} written by ${entry} is malformed: ${reason}\n--- ${label} ---\n${content}`,
      {
        cause: error,
      },
    );
  }
}

class HarnessJob implements Job {
  readonly dir: string;
  readonly home: string;
  readonly runnerTemp: string;
  readonly workspace: string;
  readonly #base: Record<string, string>;
  readonly #exported: Record<string, string> = {};
  /** GITHUB_PATH entries in the order added; the latest comes first in PATH. */
  readonly #prependPath: string[] = [];
  readonly #manifests = new Map<string, Promise<ActionManifest>>();
  #steps = 0;

  constructor(dir: string, dirs: JobDirs, base: Record<string, string>) {
    this.dir = dir;
    this.home = dirs.home;
    this.runnerTemp = dirs.runnerTemp;
    this.workspace = dirs.workspace;
    this.#base = base;
  }

  get env(): Record<string, string> {
    return this.#compose({});
  }

  async runStep(inputs: Record<string, string>, options: StepOptions = {}): Promise<StepResult> {
    const main = await this.runMain(inputs, options);
    if (options.runPost === false) return { main };
    const { runs } = await this.#manifest(main.step.actionDir);
    const hasPost = options.postEntry !== undefined || runs.post !== undefined;
    if (!hasPost || !shouldRunPost(runs.postIf, main.exitCode)) return { main };
    const post = await this.runPost(main, { entry: options.postEntry, timeoutMs: options.timeoutMs });
    return { main, post };
  }

  async runMain(inputs: Record<string, string>, options: StepOptions = {}): Promise<PhaseResult> {
    const actionDir = resolve(options.actionDir ?? builtActionDir());
    const manifest = await this.#manifest(actionDir);
    this.#steps++;
    const id = this.#steps === 1 ? '__self' : `__self_${this.#steps}`;
    const step: StepContext = { id, inputs: { ...inputs }, env: { ...options.env }, actionDir };
    const entry = resolve(options.entry ?? join(actionDir, manifest.runs.main));
    return this.#runPhase(entry, step, inputEnv(manifest, inputs), {}, options.timeoutMs);
  }

  async runPost(fromMain: PhaseResult, options: StepOptions = {}): Promise<PhaseResult> {
    const actionDir = options.actionDir === undefined ? fromMain.step.actionDir : resolve(options.actionDir);
    const step: StepContext = { ...fromMain.step, env: { ...fromMain.step.env, ...options.env }, actionDir };
    const manifest = await this.#manifest(actionDir);
    const post = options.entry ?? (manifest.runs.post && join(actionDir, manifest.runs.post));
    if (!post) throw new Error(`${actionDir}/action.yml has no runs.post; pass options.entry`);
    // The runner hands main's GITHUB_STATE to post as STATE_<name>.
    const state = Object.fromEntries(
      Object.entries(fromMain.state).map(([name, value]) => [`STATE_${name}`, value]),
    );
    return this.#runPhase(resolve(post), step, inputEnv(manifest, step.inputs), state, options.timeoutMs);
  }

  async cleanup(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  #manifest(actionDir: string): Promise<ActionManifest> {
    let manifest = this.#manifests.get(actionDir);
    if (manifest === undefined) {
      manifest = loadActionManifest(actionDir).then((loaded) => {
        assertRuntime(loaded.runs.using);
        return loaded;
      });
      this.#manifests.set(actionDir, manifest);
    }
    return manifest;
  }

  #compose(stepEnv: Record<string, string>): Record<string, string> {
    const env = { ...this.#base, ...this.#exported, ...stepEnv };
    const prepend = this.#prependPath.toReversed();
    env.PATH = [...prepend, env.PATH ?? ''].filter((entry) => entry !== '').join(delimiter);
    return env;
  }

  async #runPhase(
    entry: string,
    step: StepContext,
    inputs: Record<string, string>,
    state: Record<string, string>,
    timeoutMs: number | undefined,
  ): Promise<PhaseResult> {
    const files = await createPhaseFiles(this.runnerTemp);
    const env = {
      ...this.#compose(step.env),
      GITHUB_ACTION: step.id,
      GITHUB_ACTION_PATH: step.actionDir,
      ...inputs,
      ...state,
      ...files.env,
    };
    const run = await spawnNode(entry, { env, cwd: this.workspace, timeoutMs });
    const raw = await files.read();
    const exported = parseFile('GITHUB_ENV', raw.env, entry);
    const outputs = parseFile('GITHUB_OUTPUT', raw.output, entry);
    const savedState = parseFile('GITHUB_STATE', raw.state, entry);
    const paths = parsePathFile(raw.path);
    for (const [name, value] of Object.entries(exported)) {
      if (!REFUSED_EXPORTS.has(name.toUpperCase())) this.#exported[name] = value;
    }
    for (const path of paths) {
      const existing = this.#prependPath.indexOf(path);
      if (existing >= 0) this.#prependPath.splice(existing, 1);
      this.#prependPath.push(path);
    }
    const commands = [...parseWorkflowCommands(run.stdout), ...parseWorkflowCommands(run.stderr)];
    return {
      ...run,
      exported,
      outputs,
      state: savedState,
      summary: raw.summary,
      paths,
      commands,
      masks: masksOf(commands),
      files: raw,
      env,
      entry,
      step,
    };
  }
}
