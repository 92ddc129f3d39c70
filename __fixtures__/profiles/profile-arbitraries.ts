/** Random profiles to write: static credentials (with or without region, token, expiry) or a credential_process. */
import fc from 'fast-check';
import type { ProfileToWrite } from '../../src/profiles/index.ts';
import { FRESH_NAMES } from './shared-file-arbitraries.ts';

const token = fc.stringMatching(/^[A-Za-z0-9/+]{16,40}$/);
const credentials = fc.record(
  {
    accessKeyId: fc.stringMatching(/^ASIA[A-Z0-9]{16}$/),
    secretAccessKey: token,
    sessionToken: token,
    expiration: fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
  },
  { requiredKeys: ['accessKeyId', 'secretAccessKey'] },
);
const region = fc.constantFrom('us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1');
const command = fc.constantFrom(
  '/usr/bin/node "/opt/a b/cli.js" --profile x',
  'aws-vault exec ci --json',
  'C:\\t\\c.exe --x=1',
  '/opt/café/creds "#x"',
);

export const profileFor = (name: string): fc.Arbitrary<ProfileToWrite> =>
  fc.oneof(
    fc.record({ name: fc.constant(name), region, credentials }),
    fc.record({ name: fc.constant(name), credentials }),
    fc.record({ name: fc.constant(name), region, credentialProcess: command }),
  );

/** One to three profiles whose names no generated file uses. */
export const freshProfiles = fc
  .uniqueArray(fc.constantFrom(...FRESH_NAMES), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(profileFor)));

export const jobId = fc.option(fc.stringMatching(/^[a-z0-9/._-]{1,20}$/), { nil: undefined });
