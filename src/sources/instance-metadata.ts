import { SourceError } from '../errors.ts';
import {
  HttpTimeoutError,
  httpRequest,
  isTransientNetworkError,
  METADATA_MAX_BODY_BYTES,
} from '../net/http-request.ts';
import { integerFromEnv, type RetryVerdict, withRetry } from '../net/retry.ts';
import { untrusted } from '../safe-text.ts';
import { parseMetadataCredentials } from './metadata-answer.ts';
import type { SourceContext, SourceProvider } from './source.ts';

const DEFAULT_ENDPOINT = 'http://169.254.169.254';
const DEFAULT_IPV6_ENDPOINT = 'http://[fd00:ec2::254]';
/** IMDS answers locally; slower means absent or a hop limit. */
const DEFAULT_TIMEOUT_MS = 1000;
const TOKEN_TTL_SECONDS = '300'; // long enough for this step, short enough to be worthless later
const TOKEN_PATH = '/latest/api/token';
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';
const HOP_LIMIT_FIX =
  'Inside a container on EC2 this is the IMDSv2 hop limit: set it to 2 on the instance ' +
  '(aws ec2 modify-instance-metadata-options --instance-id ID --http-put-response-hop-limit 2), ' +
  'or run the job on the host. On a machine that is not EC2, choose another source';

export function imdsEndpoint(env: NodeJS.ProcessEnv): string {
  const configured = env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
  if (configured) return configured.replace(/\/+$/, '');
  const mode = env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE?.trim().toLowerCase() || 'ipv4';
  if (mode !== 'ipv4' && mode !== 'ipv6')
    throw new SourceError(
      'imds',
      `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE is ${untrusted(env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE ?? '', 40)}, which is neither IPv4 nor IPv6`,
      'Set it to IPv4 or IPv6, or unset it',
    );
  return mode === 'ipv6' ? DEFAULT_IPV6_ENDPOINT : DEFAULT_ENDPOINT;
}

/** ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS: longer for a host too busy to answer in a second; junk is ignored. */
export function imdsTimeoutMs(env: NodeJS.ProcessEnv): number {
  return integerFromEnv(env, 'ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 1);
}

export function imdsDisabled(env: NodeJS.ProcessEnv): boolean {
  return env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === 'true';
}

/** A request after the token PUT went unanswered: IMDS is there (it answered the PUT), only slow. */
class ImdsSlowError extends Error {
  override name = 'ImdsSlowError';
}

class ImdsStatusError extends Error {
  override name = 'ImdsStatusError';
  readonly status: number;
  constructor(status: number, what: string) {
    super(`IMDS answered ${status} to ${what}`);
    this.status = status;
  }
}

function classify(error: unknown): RetryVerdict {
  if (error instanceof ImdsStatusError) return error.status >= 500 || error.status === 429 ? 'retry' : 'fail';
  if (error instanceof ImdsSlowError) return 'retry';
  if (error instanceof HttpTimeoutError) return 'fail'; // a silent PUT is the hop limit: no retry helps
  return isTransientNetworkError(error) ? 'retry' : 'fail';
}

/** The EC2 instance profile through IMDSv2 only: never the v1 fallback, which hides the real problem. */
export function fromInstanceMetadata(context: SourceContext): SourceProvider {
  const endpoint = imdsEndpoint(context.env);
  const timeoutMs = imdsTimeoutMs(context.env);
  // Once IMDS has answered a token request, the hop limit is ruled out: a later silent one is IMDS being slow.
  let tokenAnswered = false;
  const call = async (path: string, method: string, headers: Record<string, string>, signal: AbortSignal) => {
    const response = await httpRequest(endpoint + path, {
      method,
      headers,
      timeoutMs,
      maxBodyBytes: METADATA_MAX_BODY_BYTES,
      signal,
      agents: context.directAgents,
    }).catch((error: unknown) => {
      // Only a silent token PUT means the hop limit; a later request that times out is IMDS being slow.
      if (error instanceof HttpTimeoutError && (path !== TOKEN_PATH || tokenAnswered))
        throw new ImdsSlowError(
          `IMDS did not answer ${method} ${path} within ${timeoutMs} ms (ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS)`,
        );
      throw error;
    });
    if (response.status !== 200) throw new ImdsStatusError(response.status, `${method} ${path}`);
    return response.body;
  };

  const fetchOnce = async (_: number, signal: AbortSignal) => {
    const token = await call(
      TOKEN_PATH,
      'PUT',
      { 'x-aws-ec2-metadata-token-ttl-seconds': TOKEN_TTL_SECONDS },
      signal,
    );
    context.logger.mask(token);
    tokenAnswered = true;
    if (/[\r\n]/.test(token)) throw new Error('IMDS returned a session token with a line break');
    const headers = { 'x-aws-ec2-metadata-token': token };
    const roleName = (await call(CREDENTIALS_PATH, 'GET', headers, signal)).split('\n')[0]?.trim();
    if (!roleName)
      throw new SourceError(
        'imds',
        'the instance has no instance profile role',
        'Attach an instance profile to the runner instance',
      );
    const body = await call(CREDENTIALS_PATH + encodeURIComponent(roleName), 'GET', headers, signal);
    const credentials = parseMetadataCredentials(
      body,
      'IMDS',
      (secret) => context.logger.mask(secret),
      context.env,
    );
    return {
      credentials,
      isRoleSession: true,
      description: `instance profile role ${untrusted(roleName, 64)}`,
    };
  };

  const fetchIdentity = async () => {
    try {
      return await withRetry(fetchOnce, context.retry, classify);
    } catch (error) {
      if (error instanceof SourceError) throw error;
      if (error instanceof HttpTimeoutError) {
        throw new SourceError(
          'imds',
          `IMDS at ${endpoint} did not answer the IMDSv2 token request within ${timeoutMs} ms (ASSUME_AWS_ROLE_IMDS_TIMEOUT_MS)`,
          HOP_LIMIT_FIX,
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new SourceError(
        'imds',
        `could not get instance profile credentials from ${endpoint}: ${reason}`,
        'Check that the runner is an EC2 instance with an instance profile, or choose another source',
      );
    }
  };

  return async () => {
    // As botocore does: the variable turns IMDS off for an explicit choice too, not only for auto's probe.
    if (imdsDisabled(context.env))
      throw new SourceError(
        'imds',
        'AWS_EC2_METADATA_DISABLED is true, so the instance metadata service is not asked',
        'Unset AWS_EC2_METADATA_DISABLED, or choose another source',
      );
    return { kind: 'credentials', identity: await fetchIdentity(), renew: fetchIdentity };
  };
}

/** A quick look for `auto`: does an IMDSv2 endpoint answer the token request at all? */
export async function imdsAnswers(context: SourceContext): Promise<boolean> {
  try {
    const response = await httpRequest(`${imdsEndpoint(context.env)}${TOKEN_PATH}`, {
      method: 'PUT',
      headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '1' },
      timeoutMs: imdsTimeoutMs(context.env),
      agents: context.directAgents,
    });
    if (response.status === 200) context.logger.mask(response.body);
    return response.status === 200;
  } catch {
    return false;
  }
}
