/** One session tag, as STS takes it. */
export interface SessionTag {
  readonly key: string;
  readonly value: string;
}

/**
 * What a run asks of STS for every role session: built once from the settings, narrowed per hop
 * (duration capped, policies on the last hop, MFA on the first), and mapped to the SDK's input only
 * at the call.
 */
export interface SessionParameters {
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly externalId?: string;
  readonly sourceIdentity?: string;
  readonly tags: readonly SessionTag[];
  readonly transitiveTagKeys: readonly string[];
  readonly policy?: string;
  readonly policyArns: readonly string[];
  /** MFA device and code, on the first hop from a person's own credentials. */
  readonly mfa?: { readonly serialNumber: string; readonly tokenCode: string };
}
