import type { AwsCredentials } from '../../../src/credentials.ts';

/** U+0020 to U+007E. */
export const PRINTABLE_ASCII: readonly string[] = Array.from({ length: 0x7f - 0x20 }, (_, i) =>
  String.fromCharCode(0x20 + i),
);

/** Characters some quoting gets wrong: typographic quotes (PowerShell reads U+2018..U+201B as '), odd spaces and line separators, astral characters. */
export const UNICODE_SAMPLES: readonly string[] = [
  'é',
  'ß',
  '€',
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  '\u201C',
  '\u201D',
  '\u00A0',
  '\u0085',
  '\u2028',
  '\u200B',
  '\uFEFF',
  '日本語',
  '😀',
];

export const WHITESPACE_SAMPLES: readonly string[] = ['\n', '\t', '\r', '\r\n', '\n\n'];

/** Every character a round-trip test must survive. */
export const ALL_SAMPLES: readonly string[] = [...PRINTABLE_ASCII, ...UNICODE_SAMPLES, ...WHITESPACE_SAMPLES];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A deterministic pseudo-random base64 run (mulberry32), so a failure names a reproducible value. */
export function randomBase64(seed: number, length: number): string {
  let state = seed >>> 0;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    text += BASE64[((t ^ (t >>> 14)) >>> 0) % 64];
  }
  return text;
}

/** A random secret holding `special` at the start, in the middle (twice in a row) and at the end. */
export function secretAround(special: string, seed: number): string {
  return `${special}${randomBase64(seed, 8)}${special}${special}${randomBase64(seed + 1, 8)}${special}`;
}

export function credentialsWith(secret: string, token: string | undefined = secret): AwsCredentials {
  return {
    accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
    secretAccessKey: secret,
    ...(token === undefined ? {} : { sessionToken: token }),
    expiration: new Date('2030-01-02T03:04:05.000Z'),
  };
}
