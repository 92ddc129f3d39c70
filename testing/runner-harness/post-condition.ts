// Evaluates `runs.post-if` for the status functions a post condition can use.
const STATUS_FUNCTION = /^(?:\$\{\{\s*)?(always|success|failure|cancelled)\(\)(?:\s*\}\})?$/;

export function shouldRunPost(postIf: string, mainExitCode: number | null): boolean {
  const match = STATUS_FUNCTION.exec(postIf.trim());
  if (match === null) throw new Error(`runs.post-if '${postIf}' is not supported by the harness`);
  switch (match[1]) {
    case 'always':
      return true;
    case 'success':
      return mainExitCode === 0;
    case 'failure':
      return mainExitCode !== 0;
    default:
      // The harness never cancels a job.
      return false;
  }
}
