/**
 * Over random existing files: a profile someone else wrote is refused without overwrite (no byte changes);
 * with overwrite exactly its section is replaced (or dropped), and cleanup then leaves everything else.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { skipOn } from '../../__fixtures__/platform.ts';
import {
  assertBotocoreViews,
  assertSdkView,
  type KeptWrite,
} from '../../__fixtures__/profiles/compare-parsed.ts';
import { expectedAfterWrite, withoutProfile } from '../../__fixtures__/profiles/expected-bytes.ts';
import { fuzzWorkspace, readPair } from '../../__fixtures__/profiles/fuzz-workspace.ts';
import { jobId, profileFor } from '../../__fixtures__/profiles/profile-arbitraries.ts';
import { sharedFile } from '../../__fixtures__/profiles/shared-file-arbitraries.ts';
import { readWithSdk } from '../../__fixtures__/profiles/shared-file-readers.ts';
import { removeProfiles, writeProfiles } from '../../src/profiles/index.ts';

const RUNS = Math.ceil(Number(process.env.PROFILES_FUZZ_RUNS ?? 15) / 2);
let workspace: Awaited<ReturnType<typeof fuzzWorkspace>>;
before(async () => {
  workspace = await fuzzWorkspace();
});
after(() => workspace.dispose());
const kept: KeptWrite[] = [];

/** Two existing files and a profile to write whose name one of them already has. */
const withExistingTarget = fc
  .tuple(sharedFile('credentials'), sharedFile('config'))
  .map(([credentials, config]) => ({
    credentials,
    config,
    present: [credentials, config].flatMap((file) =>
      file.absent ? [] : file.items.flatMap((item) => (item.profile ? [item.profile] : [])),
    ),
  }))
  .filter(({ present }) => present.length > 0)
  .chain(({ credentials, config, present }) =>
    fc.tuple(
      fc.constant(credentials),
      fc.constant(config),
      fc.constantFrom(...present).chain(profileFor),
      jobId,
    ),
  );

test('refuses a foreign section without overwrite, and with it replaces exactly that section', async () => {
  const property = fc.asyncProperty(
    withExistingTarget,
    async ([credentialsFile, configFile, profile, job]) => {
      const { paths, before, keep } = await workspace.layOut(credentialsFile, configFile);
      await assert.rejects(writeProfiles(paths, [profile], { overwrite: false, jobId: job }), {
        name: 'ProfileFileError',
        message: /was not written by assume-aws-role.*overwrite-profile: true/,
      });
      assert.deepEqual(await readPair(paths), before);

      const keptBefore = await keep('before');
      const record = await writeProfiles(paths, [profile], { overwrite: true, jobId: job });
      assert.deepEqual(await readPair(paths), [
        expectedAfterWrite(credentialsFile, 'credentials', [profile], job),
        expectedAfterWrite(configFile, 'config', [profile], job),
      ]);
      kept.push({ before: keptBefore, after: await keep('after'), profiles: [profile] });
      const sdkBefore = await readWithSdk(keptBefore.credentials, keptBefore.config);
      assertSdkView(sdkBefore, await readWithSdk(paths.credentialsFile, paths.configFile), [profile]);

      // Cleanup removes what it wrote; the overwritten section is not restored (its secrets are not kept).
      assert.deepEqual(await removeProfiles(JSON.parse(JSON.stringify(record))), []);
      const gone = [credentialsFile, configFile].map((file) =>
        file.absent ? undefined : withoutProfile(file, profile.name),
      );
      assert.deepEqual(await readPair(paths), gone);
    },
  );
  await fc.assert(property, { numRuns: RUNS });
});

test('botocore reads each overwritten pair: the profile as written, everything else as before', {
  skip: skipOn.botocore(),
}, () => {
  assertBotocoreViews(kept);
});
