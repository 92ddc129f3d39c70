/** Where core code reports; the action passes @actions/core, the CLI its own, tests a recorder. */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
  /** Registers a secret so it is masked in everything printed after this call. */
  mask(secret: string): void;
}
