// The role session an instance profile or container agent hands out, renewed as it nears expiry.
import type { CredentialStore, IssuedCredentials } from './credential-store.ts';

const RENEW_BEFORE_MS = 5 * 60 * 1000; // real agents rotate well before expiry

export class RotatingSession {
  readonly #store: CredentialStore;
  readonly #roleArn: string;
  readonly #sessionName: string;
  readonly #lifetimeMs: number;
  #current: IssuedCredentials | undefined;

  constructor(store: CredentialStore, roleArn: string, sessionName: string, lifetimeMs: number) {
    this.#store = store;
    this.#roleArn = roleArn;
    this.#sessionName = sessionName;
    this.#lifetimeMs = lifetimeMs;
  }

  current(): IssuedCredentials {
    const renewAt = (this.#current?.expiresAt ?? 0) - Math.min(RENEW_BEFORE_MS, this.#lifetimeMs / 2);
    if (!this.#current || Date.now() >= renewAt) {
      this.#current = this.#store.issueSession({
        roleArn: this.#roleArn,
        sessionName: this.#sessionName,
        lifetimeMs: this.#lifetimeMs,
      });
    }
    return this.#current;
  }
}
