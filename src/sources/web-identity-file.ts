import { SourceError } from '../errors.ts';
import { readRegularFile, UnreadableFileError } from '../files/read-regular-file.ts';
import type { SourceContext, SourceProvider } from './source.ts';

/** A JWT is a few KiB; a token file far larger is not one. */
const TOKEN_MAX_BYTES = 64 * 1024;

export interface TokenFileOptions extends Pick<SourceContext, 'logger'> {
  /** The resolved token file (see resolveTokenFile). */
  readonly path: string;
}

/** A token file (EKS IRSA), read fresh on every call, through the kubelet's symlinks, without blocking. */
export function fromWebIdentityTokenFile(options: TokenFileOptions): SourceProvider {
  const { path, logger } = options;
  const readToken = async () => {
    let token: string;
    try {
      const bytes = await readRegularFile(path, { maxBytes: TOKEN_MAX_BYTES });
      if (!bytes) throw new UnreadableFileError(path, 'ENOENT', 'does not exist');
      token = bytes.toString('utf8').trim();
    } catch (error) {
      const reason =
        error instanceof UnreadableFileError
          ? error.message
          : `${path} (${(error as { code?: string }).code ?? String(error)})`;
      throw new SourceError(
        'web-identity',
        `cannot read the token file: ${reason}`,
        'Check web-identity-token-file or AWS_WEB_IDENTITY_TOKEN_FILE, and that the service account token is mounted',
      );
    }
    if (!token)
      throw new SourceError(
        'web-identity',
        `the token file ${path} is empty`,
        'Check the projected service account token',
      );
    logger.mask(token);
    return token;
  };
  return async () => ({
    kind: 'web-identity',
    token: readToken,
    description: `web identity token file ${path}`,
  });
}
