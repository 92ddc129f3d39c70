import { lastFour } from '../identity.ts';
import type { StaticKeys } from '../settings/settings.ts';
import type { SourceProvider } from './source.ts';

/** The keys given as inputs. Temporary keys (with a session token) count as a role session. */
export function fromStaticKeys(keys: StaticKeys): SourceProvider {
  return async () => ({
    kind: 'credentials',
    identity: {
      credentials: { ...keys },
      isRoleSession: keys.sessionToken !== undefined,
      description: `access key ${lastFour(keys.accessKeyId)} from the key inputs`,
    },
  });
}
