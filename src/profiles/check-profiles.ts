/** Refuses, before any file is touched, a list of profiles that could not be written safely. */
import { InvalidProfileError } from './errors.ts';
import type { ProfileToWrite } from './render-section.ts';
import { sectionValues } from './render-section.ts';
import { validateCommentText, validateProfileName, validateValue } from './validate.ts';

export function checkProfiles(profiles: readonly ProfileToWrite[], jobId: string | undefined): void {
  const jobProblem = jobId === undefined ? undefined : validateCommentText('the job id', jobId);
  if (jobProblem) throw new InvalidProfileError(jobId ?? '', jobProblem, 'Pass a job id on one line');
  const seen = new Set<string>();
  for (const profile of profiles) {
    const { name } = profile;
    const nameProblem = validateProfileName(name);
    if (nameProblem) throw new InvalidProfileError(name, nameProblem, 'Choose another profile name');
    if (seen.has(name)) throw new InvalidProfileError(name, 'is listed twice', 'List each profile once');
    seen.add(name);
    if (profile.credentials && profile.credentialProcess !== undefined) {
      throw new InvalidProfileError(
        name,
        'has both credentials and a credential_process',
        'Write either fixed credentials or a refreshing credential_process',
      );
    }
    const expiration = profile.credentials?.expiration;
    if (expiration !== undefined && Number.isNaN(expiration.getTime())) {
      throw new InvalidProfileError(name, 'has an invalid expiration date', 'Pass a valid Date or none');
    }
    const values = [...sectionValues('credentials', profile), ...sectionValues('config', profile)];
    if (values.length === 0) {
      throw new InvalidProfileError(
        name,
        'has nothing to write',
        'Give it credentials, a region or a credential_process',
      );
    }
    for (const [key, value] of values) {
      const problem = validateValue(key, value);
      if (problem) throw new InvalidProfileError(name, problem, 'Fix the value; nothing was written');
    }
  }
}
