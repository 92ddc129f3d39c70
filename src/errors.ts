/** An input's value is wrong: names the input, the problem and the fix. Raised before any network call. */
export class InputError extends Error {
  override name = 'InputError';
  readonly input: string;
  readonly problem: string;
  readonly fix: string;

  constructor(input: string, problem: string, fix: string) {
    super(`Input '${input}': ${problem}. ${fix}`);
    this.input = input;
    this.problem = problem;
    this.fix = fix;
  }
}

/** The first credentials could not be obtained from the chosen source. */
export class SourceError extends Error {
  override name = 'SourceError';
  readonly source: string;
  readonly fix: string;

  constructor(source: string, problem: string, fix: string) {
    super(`Source '${source}': ${problem}. ${fix}`);
    this.source = source;
    this.fix = fix;
  }
}

/**
 * The credentials were obtained, but for an account the caller did not allow (allowed-account-ids):
 * an input's check that fails only after the calls, so the CLI gives it an exit status of its own.
 */
export class AccountCheckError extends InputError {
  override name = 'AccountCheckError';
  readonly accountId: string;

  constructor(input: string, accountId: string, problem: string, fix: string) {
    super(input, problem, fix);
    this.accountId = accountId;
  }
}
