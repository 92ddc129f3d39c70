/** A fresh HOME per test: the shared files live in HOME/.aws and vanish after the test. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { SharedFilePaths } from '../../src/profiles/index.ts';

export interface TempHome {
  readonly home: string;
  readonly paths: SharedFilePaths;
}

export async function tempHome(t: TestContext): Promise<TempHome> {
  const home = await mkdtemp(join(tmpdir(), 'profiles-'));
  t.after(() => rm(home, { recursive: true, force: true }));
  return {
    home,
    paths: { credentialsFile: join(home, '.aws', 'credentials'), configFile: join(home, '.aws', 'config') },
  };
}

/** Credentials that look like STS's, numbered so that tests can tell them apart. */
export function fakeCredentials(n: number, expiration?: Date) {
  const id = String(n).padStart(4, '0');
  return {
    accessKeyId: `ASIAFAKE${id}EXAMPLE`,
    secretAccessKey: `secret/${id}+wJalrXUtnFEMI/K7MDENG`,
    sessionToken: `FwoGZXIvYXdzE${id}token//////////wEaDH`,
    ...(expiration ? { expiration } : {}),
  };
}
