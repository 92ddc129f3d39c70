import { SourceError } from '../errors.ts';
import { readRegularFile, UnreadableFileError } from '../files/read-regular-file.ts';
import { untrusted } from '../safe-text.ts';

const ECS_AGENT = 'http://169.254.170.2';
/** Hosts a plain-http FULL_URI may name, as the SDKs allow: loopback, the ECS and EKS Pod Identity agents. */
/** `/v2/credentials/ID`: one leading slash, then printable characters with no backslash or `@`. */
const SINGLE_SLASH_PATH = /^\/(?![/\\])[!-~]*$/;
/** The agent's token is a few hundred bytes. */
const TOKEN_MAX_BYTES = 16 * 1024;
const HTTP_HOSTS = new Set(['169.254.170.2', '169.254.170.23', '[fd00:ec2::23]', 'localhost', '[::1]']);

export function containerCredentialsConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
}

/** The agent's URL: RELATIVE_URI on the ECS agent wins, else FULL_URI, which must be https or a known agent. */
export function containerCredentialsUrl(env: NodeJS.ProcessEnv): URL {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (relative) {
    // A path on the ECS agent, never a URL of its own: `//host/x` is a network path to another host.
    if (!SINGLE_SLASH_PATH.test(relative)) {
      throw invalid(
        `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (${untrusted(relative, 80)}) is not a path on the ECS agent: it must start with exactly one /`,
      );
    }
    const url = new URL(`${ECS_AGENT}${relative}`);
    if (url.origin !== ECS_AGENT)
      throw invalid('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is not a path on the ECS agent');
    return url;
  }
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (!full) {
    throw new SourceError(
      'container',
      'neither AWS_CONTAINER_CREDENTIALS_FULL_URI nor AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set',
      'Run the job in an ECS task, CodeBuild, or an EKS pod with Pod Identity, or choose another source',
    );
  }
  if (!URL.canParse(full)) throw invalid('AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL');
  const url = new URL(full);
  const loopback = /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && (loopback || HTTP_HOSTS.has(url.hostname)))
  ) {
    throw new SourceError(
      'container',
      `AWS_CONTAINER_CREDENTIALS_FULL_URI names ${url.host} over ${url.protocol}, which is neither https nor a local agent`,
      'Use https, a loopback address, or the ECS / EKS Pod Identity agent address',
    );
  }
  return url;
}

function invalid(problem: string): SourceError {
  return new SourceError('container', problem, 'Check the container credential variables the platform set');
}

/**
 * The Authorization header, sent only with FULL_URI (the ECS agent needs none). The token file is read
 * afresh on every call, since the agent rotates it.
 */
export async function containerAuthorization(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) return undefined;
  const file = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  const token = file ? await readTokenFile(file) : env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  if (token && /[\r\n]/.test(token)) {
    throw new SourceError(
      'container',
      'the container authorization token has a line break',
      'Check the token file',
    );
  }
  return token || undefined;
}

/** Read without blocking: a FIFO, device or directory at the path is refused by name. */
async function readTokenFile(path: string): Promise<string> {
  try {
    const bytes = await readRegularFile(path, { maxBytes: TOKEN_MAX_BYTES });
    if (!bytes) throw new UnreadableFileError(path, 'ENOENT', 'does not exist');
    return bytes.toString('utf8').trim();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new SourceError(
      'container',
      `cannot read the authorization token file AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: ${error.message}`,
      'Check the token file the platform mounted',
    );
  }
}
