// Trust configuration per role. Roles nobody configured trust every authenticated caller.
import { globMatches } from './arn.ts';
import type { Principal } from './credential-store.ts';
import type { RoleConfig } from './types.ts';

export const DEFAULT_MAX_SESSION_DURATION = 43200; // the highest a real role allows, so tests are not capped
export const DEFAULT_WEB_IDENTITY_AUDIENCE = 'sts.amazonaws.com';

export class RoleRegistry {
  #configs = new Map<string, RoleConfig>();

  configure(roleArn: string, config: RoleConfig): void {
    this.#configs.set(roleArn, { ...config });
  }

  get(roleArn: string): RoleConfig {
    return this.#configs.get(roleArn) ?? {};
  }
}

/** Whether the role refuses this caller: by its own ARN, or by the role behind its session. */
export function refusesCaller(config: RoleConfig, caller: Principal): boolean {
  const deny = config.denyCallers;
  if (deny === undefined) return false;
  if (deny === 'all') return true;
  const names = [caller.arn, caller.roleArn].filter((name): name is string => name !== undefined);
  return deny.some((pattern) => names.some((name) => globMatches(pattern, name)));
}
