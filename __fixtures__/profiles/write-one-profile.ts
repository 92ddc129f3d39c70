/**
 * A child process for the concurrency test. Prints one line per stage: "ready" once loaded; the record
 * after writing its profile (when the file GO exists); the cleanup warnings after removing it again (when
 * GO-remove exists). Usage: write-one-profile.ts CREDENTIALS CONFIG GO NAME N
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { removeProfiles, writeProfiles } from '../../src/profiles/index.ts';
import { fakeCredentials } from './temp-home.ts';

const [credentialsFile = '', configFile = '', go = '', name = '', n = '0'] = process.argv.slice(2);
const waitFor = async (path: string) => {
  while (!existsSync(path)) await sleep(1);
};

process.stdout.write('ready\n');
await waitFor(go);
const profile = { name, region: `eu-west-${n}`, credentials: fakeCredentials(Number(n)) };
const record = await writeProfiles({ credentialsFile, configFile }, [profile], {
  overwrite: false,
  jobId: name,
});
process.stdout.write(`${JSON.stringify(record)}\n`);
await waitFor(`${go}-remove`);
process.stdout.write(`${JSON.stringify(await removeProfiles(record))}\n`);
