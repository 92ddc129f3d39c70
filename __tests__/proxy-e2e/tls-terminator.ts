// A TLS front for the plain-HTTP test server, with a throwaway self-signed certificate made by openssl,
// so an https:// STS endpoint (and so a CONNECT tunnel through HTTPS_PROXY) can be tested locally.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { promisify } from 'node:util';

const HOST = '127.0.0.1';

export interface TlsTerminator {
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  /** The self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  close(): Promise<void>;
}

/** Undefined when openssl cannot be run here. */
export async function makeSelfSignedCertificate(
  dir: string,
): Promise<{ key: string; cert: string } | undefined> {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${HOST}`,
      '-addext',
      `subjectAltName=IP:${HOST}`,
    ]);
  } catch {
    return undefined;
  }
  return { key, cert };
}

export async function startTlsTerminator(
  upstreamPort: number,
  files: { key: string; cert: string },
): Promise<TlsTerminator> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer({ key: await readFile(files.key), cert: await readFile(files.cert) }, (tls) => {
    const upstream = connect(upstreamPort, HOST);
    track(tls);
    track(upstream);
    tls.pipe(upstream).pipe(tls);
    upstream.on('error', () => tls.destroy());
    tls.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  return {
    url: `https://${HOST}:${(server.address() as AddressInfo).port}`,
    caFile: files.cert,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'aar-proxy-tls-'));
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });
