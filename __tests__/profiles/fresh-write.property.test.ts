/**
 * Over random existing files: writing new profiles appends exactly their sections and changes no other
 * byte; a crash at any commit step leaves the old or the new pair for the next writer; cleanup restores the
 * original bytes; botocore and the JS SDK read the result as expected.
 */
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { skipOn } from '../../__fixtures__/platform.ts';
import {
  assertBotocoreViews,
  assertSdkView,
  type KeptWrite,
} from '../../__fixtures__/profiles/compare-parsed.ts';
import { expectedAfterWrite } from '../../__fixtures__/profiles/expected-bytes.ts';
import { exists, fuzzWorkspace, readPair } from '../../__fixtures__/profiles/fuzz-workspace.ts';
import { freshProfiles, jobId } from '../../__fixtures__/profiles/profile-arbitraries.ts';
import { sharedFile } from '../../__fixtures__/profiles/shared-file-arbitraries.ts';
import { readWithSdk } from '../../__fixtures__/profiles/shared-file-readers.ts';
import { commitSteps, removeProfiles, writeProfiles } from '../../src/profiles/index.ts';

const RUNS = Number(process.env.PROFILES_FUZZ_RUNS ?? 15);
let workspace: Awaited<ReturnType<typeof fuzzWorkspace>>;
before(async () => {
  workspace = await fuzzWorkspace();
});
after(() => workspace.dispose());
const kept: KeptWrite[] = [];

const crashStep = fc.option(fc.nat(), { nil: undefined });

test('writes exactly the new sections, survives a crash at any step, and cleans up to the original bytes', async () => {
  const property = fc.asyncProperty(
    sharedFile('credentials'),
    sharedFile('config'),
    freshProfiles,
    jobId,
    crashStep,
    async (credentialsFile, configFile, profiles, job, crash) => {
      const { paths, before, keep } = await workspace.layOut(credentialsFile, configFile);
      const expected = [
        expectedAfterWrite(credentialsFile, 'credentials', profiles, job),
        expectedAfterWrite(configFile, 'config', profiles, job),
      ];
      const changed = expected.filter((text, index) => text !== before[index]).length;
      const options = { overwrite: false, jobId: job };
      const keptBefore = await keep('before');

      if (crash !== undefined && changed > 0) {
        const steps = commitSteps(changed);
        const step = steps[crash % steps.length] as string;
        const commitPoint = steps.indexOf(changed === 1 ? 'rename:0' : 'journal:1');
        const onCommitStep = (current: string) => {
          if (current === step) throw new Error('crash');
        };
        await assert.rejects(writeProfiles(paths, profiles, { ...options, onCommitStep }));
        await writeProfiles(paths, [], { overwrite: false }); // the next writer recovers before reading
        const committed = steps.indexOf(step) >= commitPoint;
        assert.deepEqual(await readPair(paths), committed ? expected : before, `crash after ${step}`);
      }

      const record = await writeProfiles(paths, profiles, options);
      assert.deepEqual(await readPair(paths), expected);
      for (const [index, path] of [paths.credentialsFile, paths.configFile].entries()) {
        // Modes only on POSIX: Windows has none (its ACL is tested with a faked icacls).
        const changed = expected[index] !== before[index];
        if (changed && !skipOn.posixModes()) assert.equal((await stat(path)).mode & 0o777, 0o600);
      }
      kept.push({ before: keptBefore, after: await keep('after'), profiles });
      const sdkBefore = await readWithSdk(keptBefore.credentials, keptBefore.config);
      assertSdkView(sdkBefore, await readWithSdk(paths.credentialsFile, paths.configFile), profiles);

      assert.deepEqual(await removeProfiles(JSON.parse(JSON.stringify(record))), []);
      const cleaned = await readPair(paths);
      if (crash === undefined) {
        assert.deepEqual(cleaned, before);
        assert.equal(
          await exists(dirname(paths.configFile)),
          before.some((text) => text !== undefined),
        );
      } else {
        // A crashed write returns no record: a file it created stays behind, empty.
        const orphan = (index: number) => before[index] === undefined && cleaned[index] === '';
        assert.deepEqual(
          cleaned.map((text, index) => (orphan(index) ? undefined : text)),
          before,
        );
      }
    },
  );
  await fc.assert(property, { numRuns: RUNS });
});

test('botocore reads each written pair: the new profiles as written, everything else as before', {
  skip: skipOn.botocore(),
}, () => {
  assertBotocoreViews(kept);
});
