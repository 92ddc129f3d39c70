// A recording proxy in front of the test server. The server's log keeps no secrets, so the tap reads them
// off the wire instead: every key id, secret and session token STS, IMDS or the container agent hands out,
// every OIDC token, and every IMDS session token. The action is pointed at the tap as if it were AWS.
import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsTestServer } from '../../../testing/aws-test-server/index.ts';
import type { Endpoints } from '../../../testing/e2e/index.ts';

/** Fields that carry a secret, in STS's XML and in the metadata services' JSON. */
const SECRET_FIELDS = ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Token'];
const IMDS_TOKEN_PATH = '/latest/api/token';
const OIDC_PATH = '/oidc/token';

export interface SecretTap extends Endpoints {
  /** Every secret seen in a response so far; a test clears it to start afresh. */
  readonly secrets: Set<string>;
  close(): Promise<void>;
}

function secretsIn(path: string, method: string, body: string): string[] {
  if (path === IMDS_TOKEN_PATH && method === 'PUT') return body ? [body] : [];
  if (path.startsWith(OIDC_PATH)) {
    const value = (JSON.parse(body || '{}') as { value?: unknown }).value;
    return typeof value === 'string' ? [value] : [];
  }
  const found: string[] = [];
  for (const field of SECRET_FIELDS) {
    for (const match of body.matchAll(new RegExp(`<${field}>([^<]+)</${field}>`, 'g')))
      found.push(match[1] ?? '');
    for (const match of body.matchAll(new RegExp(`"${field}"\\s*:\\s*"([^"]+)"`, 'g')))
      found.push(match[1] ?? '');
  }
  return found.filter(Boolean);
}

const readAll = async (stream: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startSecretTap(server: AwsTestServer): Promise<SecretTap> {
  const upstream = new URL(server.url);
  const secrets = new Set<string>();
  const tap = createServer(async (req, res) => {
    const body = await readAll(req);
    const out = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers, // Host included: STS checks the signature over the host the client signed
      },
      async (answer) => {
        const reply = await readAll(answer);
        const path = (req.url ?? '').split('?')[0] ?? '';
        for (const secret of secretsIn(path, req.method ?? 'GET', reply.toString('utf8')))
          secrets.add(secret);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(reply);
      },
    );
    out.on('error', () => res.destroy()); // a dropped upstream connection is dropped here too
    out.end(body);
  });
  await new Promise<void>((resolve) => tap.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(tap.address() as AddressInfo).port}`;
  const rebase = (address: string) => url + address.slice(server.url.length);
  return {
    stsEndpoint: url,
    imdsEndpoint: url,
    oidc: { ...server.oidc, requestUrl: rebase(server.oidc.requestUrl) },
    container: {
      fullUri: rebase(server.container.fullUri),
      authorizationToken: server.container.authorizationToken,
    },
    secrets,
    close: () =>
      new Promise<void>((resolve) => {
        tap.close(() => resolve());
        tap.closeAllConnections();
      }),
  };
}
