import { expiryProblem } from '../credential-expiry.ts';
import { SourceError } from '../errors.ts';
import { lastFour } from '../identity.ts';
import type { SourceContext, SourceProvider } from './source.ts';

/**
 * The AWS_* credentials an earlier step exported: how one step chains onto another. They are masked
 * again here: the step that exported them may not have been this action.
 */
export function fromEnvironment({ env, logger }: Pick<SourceContext, 'env' | 'logger'>): SourceProvider {
  return async () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new SourceError(
        'env',
        'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set in the environment',
        'Run a step that exports credentials first (for example this action), or choose another source',
      );
    }
    const sessionToken = env.AWS_SESSION_TOKEN || env.AWS_SECURITY_TOKEN || undefined;
    for (const secret of [accessKeyId, secretAccessKey, sessionToken]) if (secret) logger.mask(secret);
    const expires = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
    const problem =
      expires && !Number.isNaN(expires.getTime())
        ? expiryProblem(expires, 'AWS_CREDENTIAL_EXPIRATION', env)
        : undefined;
    if (problem)
      throw new SourceError(
        'env',
        problem.replace(' returned ', ' says '),
        'Run the step that exports them again, closer to this one',
      );
    return {
      kind: 'credentials',
      identity: {
        credentials: {
          accessKeyId,
          secretAccessKey,
          sessionToken,
          expiration: expires && !Number.isNaN(expires.getTime()) ? expires : undefined,
        },
        isRoleSession: sessionToken !== undefined,
        description: `access key ${lastFour(accessKeyId)} from the environment`,
      },
    };
  };
}
