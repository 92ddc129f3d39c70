/** An input's value is wrong: names the input, the problem and the fix. Raised before any network call. */
export class InputError extends Error {
  override name = 'InputError';
  readonly input: string;
  readonly fix: string;

  constructor(input: string, problem: string, fix: string) {
    super(`Input '${input}': ${problem}. ${fix}`);
    this.input = input;
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

/** The credentials were obtained, but for an account the caller did not allow; nothing was handed over. */
export class AccountCheckError extends Error {
  override name = 'AccountCheckError';
  readonly accountId: string;

  constructor(accountId: string, message: string) {
    super(message);
    this.accountId = accountId;
  }
}
