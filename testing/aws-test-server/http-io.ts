// Reading requests and writing replies on Node's http objects.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Call, type Reply, textReply } from './reply.ts';

const MAX_BODY_BYTES = 1024 * 1024; // far above any STS request; stops a runaway client

/** Reads the whole body; undefined if it is too large. */
export async function readCall(req: IncomingMessage): Promise<Call | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : target.slice(queryAt + 1);
  return {
    method: req.method ?? 'GET',
    rawPath,
    rawQuery,
    rawHeaders: req.rawHeaders,
    body: Buffer.concat(chunks),
    path: rawPath,
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
  };
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body ?? '');
}

/** Runs a handler; a bug in it becomes a 500 that names the bug, not a crashed server. */
export function safely(handle: () => Reply): Reply {
  try {
    return handle();
  } catch (error) {
    const detail = error instanceof Error ? error.stack : String(error);
    return textReply(500, `Test server error: ${detail}`, 'InternalFailure');
  }
}
