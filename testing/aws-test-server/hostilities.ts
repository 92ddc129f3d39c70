// Answers an attacker would send: the real answer, bent. For the hostile-server suite of the action.
import type { ServerResponse } from 'node:http';
import { newRequestId } from './ids.ts';
import type { Call, Reply } from './reply.ts';
import { StsError } from './sts-error.ts';
import { stsErrorReply } from './sts-xml.ts';
import type { Fault, FaultTarget } from './types.ts';

export const HOSTILITIES = [
  /** A line feed, then a workflow command, in the ARN (STS) or the error text (the others). */
  'inject-lf',
  /** A lone carriage return, then a workflow command. */
  'inject-cr',
  /** `%0A` (the runner's escape for a line feed), then a workflow command. */
  'inject-encoded',
  /** An STS error whose message holds a line feed and a workflow command. */
  'inject-error',
  /** A session ARN in another account than the role asked for. */
  'lying-account',
  /** 200, then a body far larger than any answer (`sizeBytes`, default 2 MiB). */
  'oversize',
  /** 200, then one byte every `intervalMs` (default 500 ms), for ever. */
  'trickle',
  /** The first half of the real body. */
  'truncated',
  /** The real body with its end replaced by garbage, so a parser quotes what comes before (the secret). */
  'invalid',
  /** An error whose body echoes the request's secrets (authorization, tokens). */
  'echo-secret',
  /** STS refuses the signature as expired and dates its answer `skewMs` (default +20 min) away. */
  'skewed-date',
  /** Credentials that expired an hour ago. */
  'expired',
] as const;
export type Hostility = (typeof HOSTILITIES)[number];

const INJECTED: Record<string, string> = {
  'inject-lf': '\n::set-output name=pwned::lf',
  'inject-cr': '\r::stop-commands::pwned',
  'inject-encoded': '%0A::add-mask::pwned',
};
const DEFAULT_SIZE_BYTES = 2 * 1024 * 1024;
const DEFAULT_INTERVAL_MS = 500;
const DEFAULT_SKEW_MS = 20 * 60 * 1000;

/** XML text keeps a CR or LF only as a character reference (parsers turn a raw CR into LF). */
const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');

/** Sends the hostile version of `real`, the reply the request would have had. */
export function sendHostile(res: ServerResponse, fault: Fault, real: Reply, call: Call): void {
  const hostility = fault.hostility as Hostility;
  if (hostility === 'trickle') trickle(res, real, fault.intervalMs ?? DEFAULT_INTERVAL_MS);
  else if (hostility === 'oversize') oversize(res, real, fault.sizeBytes ?? DEFAULT_SIZE_BYTES);
  else {
    const reply = bend(hostility, fault.target, real, call, fault);
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body ?? '');
  }
}

function bend(hostility: Hostility, target: FaultTarget, real: Reply, call: Call, fault: Fault): Reply {
  const body = real.body ?? '';
  switch (hostility) {
    case 'inject-lf':
    case 'inject-cr':
    case 'inject-encoded': {
      const payload = INJECTED[hostility] ?? '';
      if (target === 'sts' && real.status === 200)
        return { ...real, body: body.replace(/<\/Arn>/g, `${xmlText(payload)}</Arn>`) };
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: `bad request${payload}` };
    }
    case 'inject-error':
      return stsErrorReply(
        new StsError('AccessDenied', `denied\n::set-output name=pwned::error\r::stop-commands::x`),
        newRequestId(),
      );
    case 'lying-account':
      return { ...real, body: body.replace(/(<Arn>arn:[\w-]+:(?:sts|iam)::)\d{12}/g, '$1999999999999') };
    case 'truncated':
      // IMDS's role list is plain text: only its credentials document is cut.
      if (target === 'imds' && !body.startsWith('{')) return real;
      return { ...real, body: body.slice(0, Math.floor(body.length / 2)) };
    case 'invalid':
      return { ...real, body: body.replace(/\s*[}>]\s*$/, ' x!') };
    case 'echo-secret': {
      const echoed = ['authorization', 'x-aws-ec2-metadata-token', 'x-amz-security-token']
        .map((name) => call.headers[name])
        .filter((value) => typeof value === 'string')
        .join(' ');
      if (target === 'sts')
        return stsErrorReply(new StsError('AccessDenied', `you sent: ${echoed}`), newRequestId());
      return { status: 403, headers: { 'content-type': 'text/plain' }, body: `you sent: ${echoed}` };
    }
    case 'skewed-date': {
      const serverTime = Date.now() + (fault.skewMs ?? DEFAULT_SKEW_MS);
      const refusal = stsErrorReply(
        new StsError('SignatureDoesNotMatch', 'Signature expired: the request is more than 15 min old'),
        newRequestId(),
      );
      return { ...refusal, headers: { ...refusal.headers, date: new Date(serverTime).toUTCString() } };
    }
    case 'expired': {
      const past = new Date(Date.now() - 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        ...real,
        body: body
          .replace(/<Expiration>[^<]*<\/Expiration>/, `<Expiration>${past}</Expiration>`)
          .replace(/"Expiration":"[^"]*"/, `"Expiration":"${past}"`),
      };
    }
    default:
      return real;
  }
}

/** Headers at once, then the body one byte at a time, then spaces, until the client gives up. */
function trickle(res: ServerResponse, real: Reply, intervalMs: number): void {
  res.writeHead(real.status, real.headers);
  const bytes = Buffer.from(real.body ?? '');
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(sent < bytes.length ? bytes.subarray(sent, sent + 1) : ' ');
    sent++;
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}

/** Headers at once (no length, so only counting stops it), then `size` bytes as fast as they are read. */
function oversize(res: ServerResponse, real: Reply, size: number): void {
  res.writeHead(200, real.headers);
  const chunk = Buffer.alloc(64 * 1024, 'A');
  let left = size;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}
