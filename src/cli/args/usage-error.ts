export const HELP_HINT = "Run 'assume-aws-role --help' for usage.";

/** A bad command line: unknown option, missing value, conflicting options. Exits with EXIT_USAGE. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly problem: string;

  constructor(problem: string) {
    super(`${problem}\n${HELP_HINT}`);
    this.problem = problem;
  }
}
