import { request as httpRequestRaw, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequestRaw } from 'node:https';
import type { Agents } from './agents.ts';

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

export interface HttpRequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent as is; Content-Length is set from it. */
  readonly body?: string;
  readonly timeoutMs: number;
  readonly agents: Agents;
  /** A longer answer is cut off and refused (default DEFAULT_MAX_RESPONSE_BYTES). */
  readonly maxResponseBytes?: number;
}

/** Far above any credentials answer; stops an endpoint that streams without end. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** The endpoint answered with more than the size limit. */
export class HttpResponseTooLargeError extends Error {
  override name = 'HttpResponseTooLargeError';
}

/** The endpoint did not answer within the time limit. */
export class HttpTimeoutError extends Error {
  override name = 'HttpTimeoutError';
}

/** One HTTP request with a hard time limit on the whole exchange. */
export function httpRequest(url: string, options: HttpRequestOptions): Promise<HttpResponse> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequestRaw : httpRequestRaw;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const headers =
    options.body === undefined
      ? options.headers
      : { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: options.method ?? 'GET',
      headers,
      agent: secure ? options.agents.https : options.agents.http,
    });
    const timer = setTimeout(() => {
      req.destroy(new HttpTimeoutError(`no answer from ${target.origin} within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          clearTimeout(timer);
          reject(new HttpResponseTooLargeError(`${target.origin} answered with more than ${maxBytes} bytes`));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.body);
  });
}

/** Network-level failures worth another attempt: resets, timeouts, unreachable networks (not a refusal). */
export function isTransientNetworkError(error: unknown): boolean {
  if (error instanceof HttpTimeoutError) return true;
  const code = (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' &&
    ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)
  );
}
