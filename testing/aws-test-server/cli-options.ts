// Command-line flags of cli.ts, read into server options.
import { parseArgs } from 'node:util';
import type { TestServerOptions } from './types.ts';

export const CLI_USAGE =
  'usage: node testing/aws-test-server/cli.ts [--latency-ms N] [--session-lifetime-ms N] [--oidc-subject SUB]';

export function parseCliOptions(args: string[]): TestServerOptions {
  const { values } = parseArgs({
    args,
    options: {
      'latency-ms': { type: 'string' },
      'session-lifetime-ms': { type: 'string' },
      'oidc-subject': { type: 'string' },
    },
  });
  const number = (name: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0) {
      throw new Error(`--${name} needs a non-negative number, got '${raw}'`);
    }
    return value;
  };
  return {
    latencyMs: number('latency-ms', values['latency-ms']),
    sessionLifetimeMs: number('session-lifetime-ms', values['session-lifetime-ms']),
    oidcSubject: values['oidc-subject'],
  };
}
