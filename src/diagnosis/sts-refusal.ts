/** STS (or the network to it) refused a hop; the message names the hop, the caller, the code and the fix. */
export class StsRefusalError extends Error {
  override name = 'StsRefusalError';
  readonly code: string;
  readonly fix: string;
  /**
   * STS did not decide: it could not be reached (DNS, connection, timeout), answered 5xx, or throttled,
   * and retries did not help. The same call may succeed later, unlike a refusal STS made (4xx).
   */
  readonly unavailable: boolean;

  constructor(headline: string, code: string, details: readonly string[], fix: string, unavailable = false) {
    super([headline, ...details.map((line) => `  ${line}`), `  Fix: ${fix}`].join('\n'));
    this.code = code;
    this.fix = fix;
    this.unavailable = unavailable;
  }
}
