// Reads an env file with the real Docker CLI's `--env-file` parser, without a Docker daemon: the CLI
// parses the file itself and sends the variables in its create-container request, which a stand-in
// daemon on 127.0.0.1 captures and then refuses.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';

/** The docker command on PATH, if any. */
export function findDocker(): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'docker'))
    .find((path) => path.startsWith('/') && existsSync(path));
}

/** The environment `docker create --env-file FILE` would give the container, in file order. */
export async function readWithDocker(
  docker: string,
  file: string,
  home: string,
): Promise<Map<string, string>> {
  let captured: string[] | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url?.endsWith('/_ping')) {
        response.writeHead(200, { 'Api-Version': '1.47', 'Content-Type': 'text/plain' }).end('OK');
        return;
      }
      if (request.method === 'POST' && /\/containers\/create/.test(request.url ?? '')) {
        captured = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Env: string[] }).Env;
      }
      response.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"stand-in daemon"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      DOCKER_CONFIG: join(home, '.docker'),
      DOCKER_HOST: `tcp://127.0.0.1:${port}`,
    };
    const stderr = await new Promise<string>((resolve) => {
      execFile(
        docker,
        ['create', '--env-file', file, 'busybox'],
        { env, timeout: 60_000 }, // a hang guard: a busy machine starts the Docker CLI slowly
        (_error, _out, err) => resolve(String(err)),
      );
    });
    if (captured === undefined) throw new Error(`docker sent no create request: ${stderr}`);
    return new Map(
      captured.map((entry) => {
        const at = entry.indexOf('=');
        return [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  } finally {
    server.close();
  }
}
