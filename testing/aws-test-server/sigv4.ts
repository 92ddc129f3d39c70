// Checks an AWS Signature Version 4 Authorization header against the request as it arrived.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { StsError } from './sts-error.ts';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 'sts';
const TERMINATOR = 'aws4_request';
const MAX_SKEW_MS = 15 * 60 * 1000; // AWS refuses signatures more than 15 minutes off

export interface ReceivedRequest {
  method: string;
  /** Path exactly as sent, without the query. */
  rawPath: string;
  /** Query exactly as sent, without the '?'. */
  rawQuery: string;
  /** Node's alternating name/value list. */
  rawHeaders: string[];
  body: Buffer;
}

export interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(header: string): ParsedAuthorization {
  const [algorithm = '', ...rest] = header.trim().split(/\s+/);
  if (algorithm !== ALGORITHM) {
    throw new StsError('IncompleteSignature', `Unsupported AWS 'algorithm': '${algorithm}'`);
  }
  const fields = new Map<string, string>();
  for (const part of rest.join('').split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !fields.get(name));
  if (missing.length > 0) {
    const reasons = missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' ');
    throw new StsError('IncompleteSignature', `${reasons} Authorization=${header}`);
  }
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = (
    fields.get('Credential') ?? ''
  ).split('/');
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    terminator,
    signedHeaders: (fields.get('SignedHeaders') ?? '').split(';'),
    signature: fields.get('Signature') ?? '',
  };
}

/** Throws SignatureDoesNotMatch (or IncompleteSignature) unless `secret` produced the signature. */
export function verifySignature(request: ReceivedRequest, auth: ParsedAuthorization, secret: string): void {
  const headers = groupHeaders(request.rawHeaders);
  const amzDate = headers.get('x-amz-date')?.[0] ?? isoBasic(headers.get('date')?.[0]);
  if (!amzDate) {
    throw new StsError(
      'IncompleteSignature',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new StsError(
      'IncompleteSignature',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  checkScope(auth, amzDate);
  const canonical = canonicalRequest(request, headers, auth.signedHeaders);
  const scope = [auth.scopeDate, auth.region, auth.service, auth.terminator].join('/');
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
  let key: Buffer = hmac(`AWS4${secret}`, auth.scopeDate);
  for (const part of [auth.region, auth.service, auth.terminator]) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const given = Buffer.from(auth.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new StsError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. ' +
        'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
}

function checkScope(auth: ParsedAuthorization, amzDate: string): void {
  const mismatch = (message: string) => new StsError('SignatureDoesNotMatch', message);
  if (auth.scopeDate !== amzDate.slice(0, 8)) {
    throw mismatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ` +
        `'${auth.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (auth.service !== SERVICE)
    throw mismatch(`Credential should be scoped to correct service: '${SERVICE}'. `);
  if (!auth.region) throw mismatch('Credential should be scoped to a valid region. ');
  if (auth.terminator !== TERMINATOR) {
    throw mismatch(
      `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${auth.terminator}'.`,
    );
  }
  const signedAt = Date.parse(
    amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  const now = Date.now();
  if (Number.isNaN(signedAt)) throw mismatch(`Invalid date: '${amzDate}'`);
  if (signedAt < now - MAX_SKEW_MS) {
    throw mismatch(
      `Signature expired: ${amzDate} is now earlier than ${isoBasic(now - MAX_SKEW_MS)} (${isoBasic(now)} - 15 min.)`,
    );
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw mismatch(
      `Signature not yet current: ${amzDate} is still later than ${isoBasic(now + MAX_SKEW_MS)} (${isoBasic(now)} + 15 min.)`,
    );
  }
}

export function canonicalRequest(
  request: ReceivedRequest,
  headers: Map<string, string[]>,
  signed: string[],
): string {
  const path = request.rawPath.split('/').map(uriEncode).join('/'); // non-S3 services encode the path twice
  const query = request.rawQuery
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const at = pair.indexOf('=');
      const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      return [uriEncode(safeDecode(name)), uriEncode(safeDecode(value))] as const;
    })
    .sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headerLines = signed.map((name) => `${name}:${(headers.get(name) ?? []).map(collapse).join(',')}\n`);
  const payloadHash = headers.get('x-amz-content-sha256')?.[0] ?? sha256Hex(request.body);
  return [request.method, path, query, headerLines.join(''), signed.join(';'), payloadHash].join('\n');
}

export function groupHeaders(rawHeaders: string[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    grouped.set(name, [...(grouped.get(name) ?? []), rawHeaders[i + 1] ?? '']);
  }
  return grouped;
}

function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const collapse = (value: string) => value.trim().replace(/\s+/g, ' ');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function isoBasic(date: string | number | undefined): string | undefined {
  if (date === undefined) return undefined;
  const ms = typeof date === 'number' ? date : Date.parse(date);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
