/** STS (or the network to it) refused a hop; the message names the hop, the caller, the code and the fix. */
export class StsRefusalError extends Error {
  override name = 'StsRefusalError';
  readonly code: string;
  readonly fix: string;

  constructor(headline: string, code: string, details: readonly string[], fix: string) {
    super([headline, ...details.map((line) => `  ${line}`), `  Fix: ${fix}`].join('\n'));
    this.code = code;
    this.fix = fix;
  }
}
