/**
 * Compares how a parser read a pair before and after a write: the written profiles hold exactly what was
 * written, and everything else reads exactly as before.
 */
import assert from 'node:assert/strict';
import type { ProfileToWrite } from '../../src/profiles/index.ts';
import { type BotocoreCase, readWithBotocore, type SdkResult } from './shared-file-readers.ts';

const without = (parsed: Record<string, unknown>, names: Set<string>) =>
  Object.fromEntries(Object.entries(parsed).filter(([key]) => !names.has(key)));

export function assertSdkView(
  before: SdkResult,
  after: SdkResult,
  profiles: readonly ProfileToWrite[],
): void {
  const names = new Set(profiles.map((p) => p.name));
  assert.deepEqual(without(after.credentialsFile, names), without(before.credentialsFile, names));
  assert.deepEqual(without(after.configFile, names), without(before.configFile, names));
  for (const p of profiles) {
    const c = p.credentials;
    const credentials = c && {
      aws_access_key_id: c.accessKeyId,
      aws_secret_access_key: c.secretAccessKey,
      ...(c.sessionToken ? { aws_session_token: c.sessionToken } : {}),
    };
    assert.deepEqual(after.credentialsFile[p.name], credentials);
    const config = {
      ...(p.region ? { region: p.region } : {}),
      ...(p.credentialProcess ? { credential_process: p.credentialProcess } : {}),
    };
    assert.deepEqual(after.configFile[p.name], Object.keys(config).length > 0 ? config : undefined);
  }
}

export interface KeptWrite {
  readonly before: BotocoreCase;
  readonly after: BotocoreCase;
  readonly profiles: readonly ProfileToWrite[];
}

/** Reads every kept pair with botocore in one python process, and compares as above. */
export function assertBotocoreViews(kept: readonly KeptWrite[]): void {
  assert.ok(kept.length > 0);
  const cases = kept.flatMap(({ before, after, profiles }) => [
    before,
    { ...after, resolve: profiles.filter((p) => p.credentials).map((p) => p.name) },
  ]);
  const results = readWithBotocore(cases);
  for (const [index, { profiles }] of kept.entries()) {
    const [was, now] = [results[2 * index], results[2 * index + 1]];
    assert.ok(was && now);
    const where = `botocore, case ${cases[2 * index + 1]?.config}`;
    assert.equal(
      was.credentials.error ?? was.config.error,
      undefined,
      `the generated files must parse (${where})`,
    );
    assert.equal(now.credentials.error ?? now.config.error, undefined, where);
    const names = new Set(profiles.map((p) => p.name));
    assert.deepEqual(without(now.credentials, names), without(was.credentials, names), where);
    assert.deepEqual(without(now.config.profiles, names), without(was.config.profiles, names), where);
    assert.deepEqual({ ...now.config, profiles: {} }, { ...was.config, profiles: {} }, where);
    for (const p of profiles) {
      const c = p.credentials;
      const resolved = c ? [c.accessKeyId, c.secretAccessKey, c.sessionToken ?? null] : undefined;
      assert.deepEqual(now.resolved[p.name], resolved, where);
      if (!c) assert.equal(now.credentials[p.name], undefined, where);
      assert.equal(now.config.profiles[p.name]?.region, p.region, where);
      assert.equal(now.config.profiles[p.name]?.credential_process, p.credentialProcess, where);
    }
  }
}
