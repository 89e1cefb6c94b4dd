// Bytes as the sealing formats carry them: base64 (standard alphabet, padded)
// in JSON, UTF-8 for text, and canonical JSON for what gets hashed or signed.
// Browser-safe: no Buffer.

export type Random = (length: number) => Uint8Array;

/** Cryptographically strong random bytes (WebCrypto, in the browser and in Node). */
export const systemRandom: Random = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  return out;
}

/** Decodes padded standard base64; null for anything else (never throws). */
export function fromBase64(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      const last = i + 4 === text.length;
      if (c === 61 && last && j >= 4 - pad) {
        n <<= 6;
        continue;
      }
      const v = c < 128 ? B64_INDEX[c]! : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

const B64_TEXT = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The number of bytes a padded base64 text decodes to, without decoding it; null when it is not base64. */
export function base64Length(text: string): number | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !B64_TEXT.test(text)) return null;
  return (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Canonical JSON: object keys sorted, no whitespace, so that the same value
 * always gives the same bytes (what receipts sign and the audit chain hashes).
 * Only JSON values: undefined members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  // The engine's own serializer, with each object's keys put in order on the way:
  // the same text as the recursive walk below, several times faster on megabyte
  // reports. Objects order integer-like keys numerically whatever the insertion
  // order, so a value with such a key takes the walk.
  // Anything but plain data (a toJSON the engine would call, a "__proto__" key) takes the walk too.
  let walk = false;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    if (this[key] !== v) walk = true; // the engine called a toJSON
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(o).sort()) {
      if (INTEGER_KEY.test(k) || k === '__proto__') walk = true;
      sorted[k] = o[k];
    }
    return sorted;
  });
  return walk ? canonicalWalk(value) : text;
}

const INTEGER_KEY = /^(0|[1-9]\d*)$/;

function canonicalWalk(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalWalk(v))).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalWalk((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}
