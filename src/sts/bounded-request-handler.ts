import { Readable } from 'node:stream';
import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { Agents } from '../net/agents.ts';
import { httpRequest } from '../net/http-request.ts';

type RequestHandler = Extract<NonNullable<STSClientConfig['requestHandler']>, { handle: unknown }>;
type SdkRequest = Parameters<RequestHandler['handle']>[0];

export interface BoundedHandlerOptions {
  readonly agents: Agents;
  /** One deadline for the whole exchange, body included. */
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
}

/**
 * The STS client's HTTP layer: each exchange goes through our bounded request, so a server that answers
 * 200 and then trickles its body, or sends a body of any size, ends within the deadline and the cap.
 * The SDK's own handler times out only an idle socket and reads bodies without limit.
 */
export function boundedRequestHandler(options: BoundedHandlerOptions): RequestHandler {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkRequest, handlerOptions?: { abortSignal?: unknown }) {
      const response = await httpRequest(urlOf(request), {
        method: request.method,
        headers: request.headers,
        body: bodyOf(request.body),
        timeoutMs: options.timeoutMs,
        maxBodyBytes: options.maxBodyBytes,
        signal: handlerOptions?.abortSignal as AbortSignal | undefined,
        agents: options.agents,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { response: { statusCode: response.status, headers, body: Readable.from([response.bytes]) } };
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  } as RequestHandler;
}

function urlOf(request: SdkRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== null) query.append(key, item);
  }
  const search = query.size > 0 ? `?${query}` : '';
  return `${request.protocol}//${request.hostname}${port}${request.path}${search}`;
}

function bodyOf(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array)
    return body ?? undefined;
  throw new Error('the STS request body is not text or bytes'); // STS sends form-encoded text only
}
