// A local forward proxy that records what passed through it: absolute-URI requests (plain HTTP) and
// CONNECT tunnels (HTTPS). Loopback only, like the test server it forwards to.
import { createServer, request } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

const HOST = '127.0.0.1';

export interface ProxiedRequest {
  readonly method: string;
  /** The absolute URI the client asked the proxy to fetch. */
  readonly url: string;
}

export interface CountingProxy {
  /** `http://127.0.0.1:PORT`, for HTTP_PROXY and friends. */
  readonly url: string;
  /** Absolute-URI requests forwarded. */
  readonly forwarded: readonly ProxiedRequest[];
  /** `host:port` of each CONNECT tunnel opened. */
  readonly tunnels: readonly string[];
  close(): Promise<void>;
}

export async function startCountingProxy(): Promise<CountingProxy> {
  const forwarded: ProxiedRequest[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const url = req.url ?? '';
    forwarded.push({ method: req.method ?? 'GET', url });
    if (!/^https?:\/\//.test(url)) {
      res.writeHead(400).end('a forward proxy needs an absolute URI');
      return;
    }
    const upstream = request(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });

  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const colon = target.lastIndexOf(':');
    const upstream = connect(Number(target.slice(colon + 1)), target.slice(0, colon), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  return {
    url: `http://${HOST}:${(server.address() as AddressInfo).port}`,
    forwarded,
    tunnels,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
