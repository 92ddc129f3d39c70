// The harness's public shapes: a job of steps, each step a main phase and (usually) a post phase.

/** One `::name key=value,...::message` line, decoded as the runner decodes it. */
export interface WorkflowCommand {
  name: string;
  properties: Record<string, string>;
  message: string;
}

export interface JobOptions {
  /** Extra base env for every step, e.g. ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN. */
  env?: Record<string, string>;
}

export interface StepOptions {
  /** Step-level `env:`; wins over the job env, loses to INPUT_*, STATE_* and the file-command paths. */
  env?: Record<string, string>;
  /** Run post after main (default true), subject to `runs.post-if`. */
  runPost?: boolean;
  /** Directory holding action.yml; default the build of the current source (testing/test-build.ts). */
  actionDir?: string;
  /** Kill the phase after this long (default 30 s). */
  timeoutMs?: number;
  /** Script to run instead of `runs.main` (runMain/runStep) or `runs.post` (runPost). */
  entry?: string;
  /** Script to run instead of `runs.post` when runStep runs the post phase. */
  postEntry?: string;
}

/** How a step was invoked, kept on each phase so runPost can repeat it. */
export interface StepContext {
  /** GITHUB_ACTION: `__self`, `__self_2`, … as for `uses: ./` steps. */
  id: string;
  /** Inputs as the test gave them (before defaults). */
  inputs: Record<string, string>;
  /** The step-level env option. */
  env: Record<string, string>;
  actionDir: string;
}

export interface FileCommandContents {
  env: string;
  output: string;
  state: string;
  summary: string;
  path: string;
}

export interface PhaseResult {
  exitCode: number | null;
  signal: string | null;
  /** True when the harness killed the child at timeoutMs. */
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** GITHUB_ENV of this phase. */
  exported: Record<string, string>;
  /** GITHUB_OUTPUT of this phase. */
  outputs: Record<string, string>;
  /** GITHUB_STATE of this phase. */
  state: Record<string, string>;
  /** GITHUB_STEP_SUMMARY content. */
  summary: string;
  /** Non-empty GITHUB_PATH lines, in file order. */
  paths: string[];
  /** Workflow commands from stdout, then from stderr (the runner reads both). */
  commands: WorkflowCommand[];
  /** Values of non-blank `::add-mask::` commands. */
  masks: string[];
  /** Raw file-command contents, for leak tests. */
  files: FileCommandContents;
  /** The exact environment the child process got. */
  env: Record<string, string>;
  /** The script that ran. */
  entry: string;
  step: StepContext;
}

export interface StepResult {
  main: PhaseResult;
  post?: PhaseResult;
}

export interface Job {
  /** Root temp dir holding everything below; removed by cleanup(). */
  readonly dir: string;
  readonly home: string;
  readonly runnerTemp: string;
  readonly workspace: string;
  /** Accumulated job env: base + everything exported by earlier phases, PATH with GITHUB_PATH prepends. */
  readonly env: Record<string, string>;
  runStep(inputs: Record<string, string>, options?: StepOptions): Promise<StepResult>;
  runMain(inputs: Record<string, string>, options?: StepOptions): Promise<PhaseResult>;
  runPost(fromMain: PhaseResult, options?: StepOptions): Promise<PhaseResult>;
  cleanup(): Promise<void>;
}
