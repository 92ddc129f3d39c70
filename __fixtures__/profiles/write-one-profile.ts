/**
 * A child process for the concurrency test. Prints one line per stage: "ready" once loaded; the record
 * after writing its profile (on the line "write" on stdin); the cleanup warnings after removing it again (on
 * the line "remove"). Exits when stdin closes, so it never outlives the test.
 * Usage: write-one-profile.ts CREDENTIALS CONFIG NAME N
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { removeProfiles, writeProfiles } from '../../src/profiles/index.ts';
import { fakeCredentials } from './temp-home.ts';

const [credentialsFile = '', configFile = '', name = '', n = '0'] = process.argv.slice(2);
const input = createInterface({ input: process.stdin });
input.on('close', () => process.exit(0));
const waitFor = async (word: string) => {
  const [line] = (await once(input, 'line')) as [string];
  if (line !== word) throw new Error(`expected ${word}, got ${line}`);
};

process.stdout.write('ready\n');
await waitFor('write');
const profile = { name, region: `eu-west-${n}`, credentials: fakeCredentials(Number(n)) };
const record = await writeProfiles({ credentialsFile, configFile }, [profile], {
  overwrite: false,
  jobId: name,
});
process.stdout.write(`${JSON.stringify(record)}\n`);
await waitFor('remove');
process.stdout.write(`${JSON.stringify(await removeProfiles(record))}\n`);
