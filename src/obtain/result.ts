import type { Identity } from '../identity.ts';
import type { SourceChoice } from '../sources/source-choice.ts';

/** An identity whose ARN and account are known. */
export interface ResolvedIdentity extends Identity {
  readonly arn: string;
  readonly accountId: string;
}

/** One hop as it happened, for logs, outputs and the job summary. */
export interface HopRecord {
  readonly position: string;
  readonly roleArn: string;
  readonly arn: string;
  readonly durationSeconds: number;
  readonly cappedFrom?: number;
  readonly expiration?: Date;
}

/** What a run obtained: the source it used, the identities it hands over, and every hop on the way. */
export interface ObtainedCredentials {
  readonly source: SourceChoice;
  /**
   * The end of the common chain, or the source itself when no role is assumed; absent when the profiles
   * start straight from the source.
   */
  readonly main?: ResolvedIdentity;
  readonly profiles: readonly { readonly name: string; readonly identity: ResolvedIdentity }[];
  readonly hops: readonly HopRecord[];
}
