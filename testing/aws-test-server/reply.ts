// What a handler answers with, before latency and faults decide when and whether it is sent.
import type { IncomingHttpHeaders } from 'node:http';
import type { ReceivedRequest } from './sigv4.ts';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Recorded in the request log; never sent. */
  errorCode?: string;
}

/** A request whose body has been read. */
export interface Call extends ReceivedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export function jsonReply(status: number, value: unknown, errorCode?: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: value === undefined ? '' : JSON.stringify(value),
    errorCode,
  };
}

export function textReply(status: number, text: string, errorCode?: string): Reply {
  return { status, headers: { 'content-type': 'text/plain' }, body: text, errorCode };
}
