/** The command after `--` could not be started: not found, or not executable. */
export class CommandStartError extends Error {
  override name = 'CommandStartError';
  readonly notFound: boolean;

  constructor(command: string, cause: unknown) {
    const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
    const notFound = code === 'ENOENT';
    super(
      notFound
        ? `Cannot run '${command}': command not found. Check the name, or give its full path.`
        : `Cannot run '${command}': ${cause instanceof Error ? cause.message : String(cause)}.`,
    );
    this.notFound = notFound;
  }
}
