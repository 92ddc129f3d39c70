import type { Settings } from '../settings/settings.ts';
import type { SessionParameters } from '../sts/session-parameters.ts';

/** The run's STS parameters, built once from the settings; each hop narrows them (see assumeHop). */
export function sessionParametersOf(settings: Settings): SessionParameters {
  return {
    sessionName: settings.sessionName,
    durationSeconds: settings.durationSeconds,
    externalId: settings.externalId,
    sourceIdentity: settings.sourceIdentity,
    tags: settings.sessionTags,
    transitiveTagKeys: settings.transitiveTagKeys,
    policy: settings.inlineSessionPolicy,
    policyArns: settings.managedSessionPolicies,
    mfa:
      settings.mfaSerial && settings.mfaCode
        ? { serialNumber: settings.mfaSerial, tokenCode: settings.mfaCode }
        : undefined,
  };
}
