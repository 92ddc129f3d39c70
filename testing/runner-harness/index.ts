// Runs the built action the way the GitHub runner does: see job.ts for a job, types.ts for results.
export { type ActionManifest, loadActionManifest, readActionManifest } from './action-manifest.ts';
export { FileCommandError, parseFileCommands, parsePathFile } from './file-commands.ts';
export { REPOSITORY, REPOSITORY_OWNER } from './github-context.ts';
export { inputVariableName } from './input-env.ts';
export { createJob } from './job.ts';
export { DEFAULT_TIMEOUT_MS } from './spawn-node.ts';
export type {
  FileCommandContents,
  Job,
  JobOptions,
  PhaseResult,
  StepContext,
  StepOptions,
  StepResult,
  WorkflowCommand,
} from './types.ts';
export { KNOWN_COMMANDS, parseWorkflowCommands } from './workflow-commands.ts';
