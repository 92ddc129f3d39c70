/** A shared AWS file could not be changed safely: names the path, the problem and the fix. */
export class ProfileFileError extends Error {
  override name = 'ProfileFileError';
  readonly path: string;
  readonly fix: string;

  constructor(path: string, problem: string, fix: string) {
    super(`${path}: ${problem}. ${fix}`);
    this.path = path;
    this.fix = fix;
  }
}

/** A profile to write is not acceptable (bad name or value): names the profile, the problem and the fix. */
export class InvalidProfileError extends Error {
  override name = 'InvalidProfileError';
  readonly profile: string;
  readonly fix: string;

  constructor(profile: string, problem: string, fix: string) {
    super(`Profile ${JSON.stringify(profile)}: ${problem}. ${fix}`);
    this.profile = profile;
    this.fix = fix;
  }
}
