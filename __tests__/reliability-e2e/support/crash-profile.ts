// The profile the crash tests write: fixed, so that the bytes of a completed write are known in advance.
import type { ProfileToWrite } from '../../../src/profiles/index.ts';

export const CRASHING_JOB = 'octo-org/octo-repo/1/1';

export const CRASHING_PROFILE: ProfileToWrite = {
  name: 'crashing',
  region: 'eu-central-1',
  credentials: {
    accessKeyId: 'ASIACRASHINGEXAMPLE1',
    secretAccessKey: 'crashing/wJalrXUtnFEMI/K7MDENG/bPxRfiCY',
    sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////crashing',
    expiration: new Date('2030-01-01T00:00:00Z'),
  },
};
