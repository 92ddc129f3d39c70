import { request as httpRequestRaw } from 'node:http';
import { request as httpsRequestRaw } from 'node:https';
import type { Agents } from './agents.ts';
import { trackWrite } from './requests-written.ts';

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
}

export interface HttpRequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly timeoutMs: number;
  readonly agents: Agents;
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
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent: secure ? options.agents.https : options.agents.http,
    });
    trackWrite(req);
    let answered = false;
    const timer = setTimeout(() => {
      // When the event loop was busy (the SDK compiling while this request is out), timers run before
      // pending I/O: an answer that has already arrived is read first, and only then is it too late.
      setImmediate(() => {
        if (!answered)
          req.destroy(new HttpTimeoutError(`no answer from ${target.origin} within ${options.timeoutMs} ms`));
      });
    }, options.timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        answered = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
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
