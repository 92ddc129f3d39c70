import type { Identity } from '../../identity.ts';
import type { Logger } from '../../logger.ts';
import type { Agents } from '../../net/agents.ts';
import { HttpTimeoutError, httpRequest, isTransientNetworkError } from '../../net/http-request.ts';
import { type RetryPolicy, type RetryVerdict, withRetry } from '../../net/retry.ts';
import { isSessionOf } from '../../sts/check-returned-identity.ts';
import type { X509RequestSigner } from './x509-signer.ts';

// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication-create-session.html

const SESSIONS_PATH = 'sessions';
const MAX_RESPONSE_BYTES = 256 * 1024; // a credential set is a few KB
const RETRYABLE_CODES = new Set(['ThrottlingException', 'TooManyRequestsException']);

export interface CreateSessionParameters {
  readonly trustAnchorArn: string;
  readonly profileArn: string;
  readonly roleArn: string;
  readonly durationSeconds: number;
  /** Sent only when the session name was given explicitly: the profile must accept it. */
  readonly roleSessionName?: string;
}

export interface CreateSessionTransport {
  readonly endpoint: URL;
  readonly signer: X509RequestSigner;
  readonly agents: Agents;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** IAM Roles Anywhere answered with an error; `code` is its error type. */
export class CreateSessionError extends Error {
  override name = 'CreateSessionError';
  readonly status: number;
  readonly code: string;
  readonly serverMessage: string;
  constructor(status: number, code: string, serverMessage: string) {
    super(
      `CreateSession answered ${status}${code ? ` ${code}` : ''}${serverMessage ? `: ${serverMessage}` : ''}`,
    );
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
  }
}

function classify(error: unknown): RetryVerdict {
  if (error instanceof CreateSessionError) {
    if (error.status === 429 || RETRYABLE_CODES.has(error.code)) return 'throttle';
    return error.status >= 500 ? 'retry' : 'fail';
  }
  if (error instanceof HttpTimeoutError) return 'retry';
  return isTransientNetworkError(error) ? 'retry' : 'fail';
}

/** One CreateSession exchange, retried only for throttling, 5xx and dropped connections; signed anew each time. */
export async function createSession(
  parameters: CreateSessionParameters,
  transport: CreateSessionTransport,
): Promise<Identity> {
  const url = new URL(SESSIONS_PATH, transport.endpoint);
  const body = JSON.stringify({
    durationSeconds: parameters.durationSeconds,
    profileArn: parameters.profileArn,
    roleArn: parameters.roleArn,
    trustAnchorArn: parameters.trustAnchorArn,
    ...(parameters.roleSessionName === undefined ? {} : { roleSessionName: parameters.roleSessionName }),
  });
  const attempt = async () => {
    const signed = await transport.signer.signRequest(
      { method: 'POST', url, headers: { 'content-type': 'application/json' }, body },
      transport.now(),
    );
    const response = await httpRequest(url.href, {
      method: 'POST',
      headers: signed.headers,
      body,
      timeoutMs: transport.retry.requestTimeoutMs,
      agents: transport.agents,
      maxBodyBytes: MAX_RESPONSE_BYTES,
    });
    if (response.status !== 201 && response.status !== 200)
      throw errorFrom(response.status, response.body, response.headers['x-amzn-errortype']);
    return response.body;
  };
  const answer = await withRetry(attempt, transport.retry, classify, ({ attempt: n, error }) =>
    transport.logger.debug(
      `roles-anywhere: CreateSession attempt ${n} failed (${describe(error)}), retrying`,
    ),
  );
  return readCredentialSet(answer, parameters.roleArn, transport.logger);
}

/** The error type comes in X-Amzn-ErrorType (`Code:uri`) or the JSON body's __type / code. */
function errorFrom(
  status: number,
  body: string,
  typeHeader: string | string[] | undefined,
): CreateSessionError {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === 'object') parsed = value as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's page): keep only the status
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const header = Array.isArray(typeHeader) ? typeHeader[0] : typeHeader;
  const code = (header?.split(':')[0] || text(parsed.__type ?? parsed.code ?? parsed.Code)).replace(
    /^.*#/,
    '',
  );
  const message = text(parsed.message ?? parsed.Message).slice(0, 300);
  return new CreateSessionError(status, code.replace(/[^\w.]/g, '').slice(0, 80), message);
}

/**
 * Reads the first credential set; every secret is masked before anything else happens with it. The
 * session ARN is kept only when it is, by the full grammar, a session of the role asked for.
 */
function readCredentialSet(body: string, roleArn: string, logger: Logger): Identity {
  let set: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(body) as { credentialSet?: unknown };
    const first: unknown = Array.isArray(parsed.credentialSet) ? parsed.credentialSet[0] : undefined;
    if (first && typeof first === 'object') set = first as Record<string, unknown>;
  } catch {
    set = undefined;
  }
  const credentials = (set?.credentials ?? {}) as Record<string, unknown>;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials;
  for (const secret of [accessKeyId, secretAccessKey, sessionToken])
    if (typeof secret === 'string' && secret) logger.mask(secret);
  const expires =
    typeof expiration === 'string' || typeof expiration === 'number' ? toDate(expiration) : undefined;
  if (
    typeof accessKeyId !== 'string' ||
    typeof secretAccessKey !== 'string' ||
    typeof sessionToken !== 'string' ||
    !accessKeyId ||
    !secretAccessKey ||
    !sessionToken ||
    !expires
  ) {
    throw new CreateSessionError(201, 'MalformedResponse', 'the answer holds no complete credential set');
  }
  const user = (set?.assumedRoleUser ?? {}) as Record<string, unknown>;
  const arn = typeof user.arn === 'string' && isSessionOf(user.arn, roleArn) ? user.arn : undefined;
  return {
    credentials: { accessKeyId, secretAccessKey, sessionToken, expiration: expires },
    arn,
    isRoleSession: true,
    description: `IAM Roles Anywhere session ${arn ?? ''}`.trim(),
  };
}

/** An ISO 8601 string, or epoch seconds as some JSON protocols send timestamps. */
function toDate(value: string | number): Date | undefined {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
