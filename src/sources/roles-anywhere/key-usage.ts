// Reads the Key Usage extension (RFC 5280 4.2.1.3) from a certificate's DER: node:crypto does not expose it
// (X509Certificate.keyUsage lists the extended key usages).

const SEQUENCE = 0x30;
const EXTENSIONS_TAG = 0xa3; // [3] EXPLICIT in TBSCertificate
const OID = 0x06;
const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;
const KEY_USAGE_OID = Buffer.from([0x55, 0x1d, 0x0f]); // 2.5.29.15
const DIGITAL_SIGNATURE = 0x80; // bit 0 of the first byte

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** One DER element at `offset`, or undefined when the bytes are not well formed. */
function readTlv(der: Buffer, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset] ?? 0;
  let length = der[offset + 1] ?? 0;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

function children(der: Buffer, parent: Tlv): Tlv[] {
  const found: Tlv[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const child = readTlv(der, at, parent.end);
    if (!child) return found;
    found.push(child);
    at = child.end;
  }
  return found;
}

export type KeyUsageFinding = 'digital-signature' | 'other-usages' | 'absent' | 'unreadable';

/** Whether the certificate's Key Usage extension allows digitalSignature. */
export function digitalSignatureUsage(der: Buffer): KeyUsageFinding {
  const certificate = readTlv(der, 0, der.length);
  if (certificate?.tag !== SEQUENCE) return 'unreadable';
  const tbs = children(der, certificate)[0];
  if (tbs?.tag !== SEQUENCE) return 'unreadable';
  const wrapper = children(der, tbs).find((child) => child.tag === EXTENSIONS_TAG);
  const list = wrapper && children(der, wrapper)[0];
  if (!list) return 'absent';
  for (const extension of children(der, list)) {
    const parts = children(der, extension);
    const [oid] = parts;
    const value = parts.at(-1);
    if (oid?.tag !== OID || !der.subarray(oid.start, oid.end).equals(KEY_USAGE_OID)) continue;
    if (value?.tag !== OCTET_STRING) return 'unreadable';
    const bits = readTlv(der, value.start, value.end);
    if (bits?.tag !== BIT_STRING || bits.end - bits.start < 2) return 'unreadable';
    return (der[bits.start + 1] ?? 0) & DIGITAL_SIGNATURE ? 'digital-signature' : 'other-usages';
  }
  return 'absent';
}
