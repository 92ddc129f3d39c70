// The requests started and not yet handed to the network, so a run can put its source's first request
// on the wire before loading the SDK, which blocks the event loop while it compiles.
import type { ClientRequest } from 'node:http';

const unwritten = new Set<Promise<void>>();

/** Notes a request until it has been written out, or has failed. */
export function trackWrite(request: ClientRequest): void {
  const written = new Promise<void>((resolve) => {
    request.once('finish', resolve);
    request.once('close', resolve);
  });
  unwritten.add(written);
  void written.then(() => unwritten.delete(written));
}

/**
 * Resolves once every request started so far is on the wire (or failed). One turn of the event loop
 * first, so a request started by a pending promise job is counted, and a connection on the same host
 * completes.
 */
export async function requestsWritten(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await Promise.all(unwritten);
}
