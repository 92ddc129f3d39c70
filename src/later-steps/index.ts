/**
 * Who will sign in a later step of the job? Each SDK family's default credential chain (one table,
 * sdk-families.ts), applied to the job's environment after the hand-over and the shared files' profiles;
 * one warning per overrider that takes a family off the exported keys, with its fix.
 */
export { checkLaterSteps } from './check-later-steps.ts';
export { SDK_FAMILIES, type SdkFamily } from './sdk-families.ts';
export { describeUse, type FamilyVerdict, whoWillSign } from './who-will-sign.ts';
