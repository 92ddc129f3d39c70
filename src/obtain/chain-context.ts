import type { SessionParameters } from '../sts/session-parameters.ts';
import type { SecretSink } from '../sts/sts-calls.ts';
import type { StsConfig } from '../sts/sts-config.ts';

/** What every hop of a run shares. */
export interface ChainContext {
  readonly sts: StsConfig;
  /** The run's parameters, built once from the settings (see sessionParameters). */
  readonly parameters: SessionParameters;
  readonly sourceName: string;
  readonly onSecret: SecretSink;
  readonly debug: (message: string) => void;
}

/** Where a hop sits in its chain. */
export interface HopPlace {
  /** For messages, e.g. `profile prod: hop 2 of 3`. */
  readonly position: string;
  /** Session policies go on the last hop of a whole chain only. */
  readonly isLast: boolean;
  /** The MFA code, and the one renewal of expired source credentials, belong to the first hop. */
  readonly isFirstHop: boolean;
}
