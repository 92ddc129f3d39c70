import { readFile } from 'node:fs/promises';
import { SourceError } from '../errors.ts';
import type { SourceContext, SourceProvider } from './source.ts';

export interface TokenFileOptions extends Pick<SourceContext, 'logger'> {
  /** The resolved token file (see resolveTokenFile). */
  readonly path: string;
}

/** A token file (EKS IRSA), read fresh on every call, through the kubelet's symlinks. */
export function fromWebIdentityTokenFile(options: TokenFileOptions): SourceProvider {
  const { path, logger } = options;
  const readToken = async () => {
    let token: string;
    try {
      token = (await readFile(path, 'utf8')).trim();
    } catch (error) {
      const reason = (error as { code?: string }).code ?? String(error);
      throw new SourceError(
        'web-identity',
        `cannot read the token file ${path} (${reason})`,
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
