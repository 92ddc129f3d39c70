import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { directAgents } from '../../src/net/agents.ts';
import { httpRequest } from '../../src/net/http-request.ts';

/** Blocks the event loop, as compiling the SDK does while a source's request is out. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {}
}

test('an answer that arrived while the event loop was blocked past the time limit is still taken', async () => {
  // Long enough that even a loaded machine answers a loopback request well within it.
  const timeoutMs = 500;
  const server = createServer((_req, res) => {
    res.on('finish', () => busy(timeoutMs * 2)); // the answer is out; this process cannot read it yet
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await httpRequest(`http://127.0.0.1:${port}/`, { timeoutMs, agents: directAgents() });
    assert.equal(response.body, 'ok');
  } finally {
    server.close();
  }
});
