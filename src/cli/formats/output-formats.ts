import type { AwsCredentials } from '../../credentials.ts';
import { credentialEnvChanges } from '../exec/credential-env.ts';
import { renderCmd } from './format-cmd.ts';
import { renderDotenv } from './format-dotenv.ts';
import { renderFish } from './format-fish.ts';
import { renderCredentialProcess, renderJson } from './format-json.ts';
import { renderPwsh } from './format-pwsh.ts';
import { renderSh } from './format-sh.ts';

/** Every way the CLI can print credentials. */
export const FORMATS = ['sh', 'fish', 'pwsh', 'cmd', 'json', 'dotenv', 'process'] as const;
export type Format = (typeof FORMATS)[number];
export const DEFAULT_FORMAT: Format = 'sh';

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormatExtra {
  /** Exported as AWS_REGION and AWS_DEFAULT_REGION (or `Region` in json) when known. */
  readonly region?: string;
}

/**
 * The credentials as text in `format`, ending with a newline. Throws a FormatError, printing
 * nothing, when a value cannot be carried safely in that format.
 */
export function formatCredentials(format: Format, creds: AwsCredentials, extra: FormatExtra = {}): string {
  switch (format) {
    case 'sh':
      return renderSh(credentialEnvChanges(creds, extra.region));
    case 'fish':
      return renderFish(credentialEnvChanges(creds, extra.region));
    case 'pwsh':
      return renderPwsh(credentialEnvChanges(creds, extra.region));
    case 'cmd':
      return renderCmd(credentialEnvChanges(creds, extra.region));
    case 'dotenv':
      return renderDotenv(credentialEnvChanges(creds, extra.region));
    case 'json':
      return renderJson(creds, extra.region);
    case 'process':
      return renderCredentialProcess(creds);
  }
}
