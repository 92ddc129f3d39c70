/** Reads shared files with the two parsers the product must satisfy: botocore (AWS CLI) and the JS SDK. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { PYTHON } from '../../testing/system-tools.ts';

const SCRIPT = fileURLToPath(new URL('./botocore-read.py', import.meta.url));

export type Parsed = Record<string, Record<string, unknown>>;
export interface BotocoreResult {
  credentials: Parsed & { error?: string };
  config: { profiles: Parsed; sso_sessions: Parsed; error?: string } & Parsed;
  resolved: Record<string, [string, string, string | null] | { error: string } | null>;
}
export interface BotocoreCase {
  credentials: string;
  config: string;
  resolve?: string[];
}

/** Reads every pair in one python process; an isolated environment, no network (IMDS disabled). */
export function readWithBotocore(cases: readonly BotocoreCase[]): BotocoreResult[] {
  const run = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH, PYTHONUTF8: '1', AWS_EC2_METADATA_DISABLED: 'true', HOME: '/nonexistent' },
  });
  if (run.status !== 0) throw new Error(`botocore reader failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as BotocoreResult[];
}

export interface SdkResult {
  credentialsFile: Parsed;
  configFile: Parsed;
}

export async function readWithSdk(credentials: string, config: string): Promise<SdkResult> {
  const files = await loadSharedConfigFiles({
    filepath: credentials,
    configFilepath: config,
    ignoreCache: true,
  });
  return files as SdkResult;
}
