import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { requestsWritten, trackWrite } from '../../src/net/requests-written.ts';

test('resolves once a request started just before is written out', async () => {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const req = request({ host: '127.0.0.1', port, path: '/' });
    const answered = new Promise((resolve) => req.on('response', (res) => res.resume().on('end', resolve)));
    trackWrite(req);
    req.end();
    assert.equal(req.writableFinished, false, 'not yet written when started');
    await requestsWritten();
    assert.equal(req.writableFinished, true);
    await answered;
  } finally {
    server.close();
  }
});

test('resolves when a request fails before it is written', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve())); // nothing listens there now
  const req = request({ host: '127.0.0.1', port, path: '/' });
  const failed = new Promise((resolve) => req.on('error', resolve));
  trackWrite(req);
  req.end();
  await requestsWritten();
  assert.ok(await failed);
  assert.equal(req.writableFinished, false);
});

test('resolves at once with no request in flight', async () => {
  await requestsWritten();
});
