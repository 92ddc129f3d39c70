import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequestRaw } from 'node:http';
import { request as httpsRequestRaw } from 'node:https';
import type { Agents } from './agents.ts';
import { trackWrite } from './requests-written.ts';

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly bytes: Buffer;
  /** The body read as UTF-8. */
  readonly body: string;
}

export interface HttpRequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** One deadline for the whole exchange: connect, headers and the last byte of the body. */
  readonly timeoutMs: number;
  /** The variable that sets `timeoutMs`, named when it runs out; null for a fixed limit. */
  readonly timeoutSetting?: string | null;
  /** Reading stops past this many body bytes. */
  readonly maxBodyBytes?: number;
  /** Ends the exchange early, e.g. when the call's total budget runs out. */
  readonly signal?: AbortSignal;
  readonly agents: Agents;
}

/** STS and OIDC answers are a few KiB; anything near a MiB is not an answer. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** IMDS and the container agent answer a few hundred bytes. */
export const METADATA_MAX_BODY_BYTES = 64 * 1024;

/** The endpoint did not finish answering within the time limit. */
export class HttpTimeoutError extends Error {
  override name = 'HttpTimeoutError';
}

/** The endpoint sent a larger body than any real answer: reading stopped at the cap. */
export class HttpBodyTooLargeError extends Error {
  override name = 'HttpBodyTooLargeError';
}

/** One HTTP exchange with a hard time limit on all of it, body included, and a cap on the body's size. */
export function httpRequest(url: string, options: HttpRequestOptions): Promise<HttpResponse> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequestRaw : httpRequestRaw;
  const cap = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const setting =
    options.timeoutSetting === undefined ? 'ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS' : options.timeoutSetting;
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent: secure ? options.agents.https : options.agents.http,
    });
    trackWrite(req);
    let settled = false;
    const fail = (error: Error) => {
      finish();
      req.destroy(error);
      reject(error);
    };
    // Checked once more after the poll phase: an answer that arrived while the event loop was busy (a
    // large module loading) is taken, not timed out.
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (settled) return;
        fail(
          new HttpTimeoutError(
            `${target.origin} did not finish answering within ${options.timeoutMs} ms${setting ? ` (${setting})` : ''}`,
          ),
        );
      });
    }, options.timeoutMs);
    const onAbort = () => fail(abortReason(options.signal, target.origin));
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const tooLarge = () =>
      new HttpBodyTooLargeError(`${target.origin} sent a body larger than ${cap} bytes; stopped reading`);
    req.on('response', (res) => {
      if (Number(res.headers['content-length']) > cap) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > cap) return fail(tooLarge());
        chunks.push(chunk);
      });
      res.on('error', (error) => fail(error));
      res.on('end', () => {
        finish();
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString('utf8') });
      });
    });
    req.on('error', (error) => fail(error));
    req.end(options.body);
  });
}

function abortReason(signal: AbortSignal | undefined, origin: string): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new HttpTimeoutError(`the request to ${origin} was cancelled`);
}

/**
 * Network-level failures worth another attempt: resets, timeouts, unreachable networks, and a proxy that
 * answered its tunnel request with 5xx or 429 (not a refusal).
 */
export function isTransientNetworkError(error: unknown): boolean {
  if (error instanceof HttpTimeoutError) return true;
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (code === 'ERR_PROXY_TUNNEL')
    return typeof statusCode === 'number' && (statusCode >= 500 || statusCode === 429);
  return (
    typeof code === 'string' &&
    ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)
  );
}
