/** A finished process: its exit code and its output. */
export interface ToolResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tool` (an absolute path) with `args`, no shell, nothing echoed to the log. */
export type RunTool = (tool: string, args: readonly string[]) => Promise<ToolResult>;

/**
 * Runs a tool through @actions/exec, loaded on first use only. The bundles shim @actions/exec out for
 * @actions/core (scripts/shims/unbundled.js); this import goes through the package's own `#actions-exec`
 * alias, which the shim does not catch, so the real one lands in a lazy chunk that only Windows loads.
 */
export const runWithActionsExec: RunTool = async (tool, args) => {
  const { getExecOutput } = await import('#actions-exec');
  // Quoted: @actions/exec splits its first argument on spaces; a Windows path cannot hold a quote.
  return getExecOutput(`"${tool}"`, [...args], { silent: true, ignoreReturnCode: true });
};
