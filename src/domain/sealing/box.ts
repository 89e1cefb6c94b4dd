// Public-key encryption to an X25519 key (an "ECIES" box), from audited parts
// only: an ephemeral X25519 key agreement (@noble/curves), HKDF-SHA-256
// (@noble/hashes) and AES-256-GCM (@noble/ciphers). Used to wrap a bid's key to
// the tender's opening key and to encrypt each key holder's share to that
// holder's own key. The context string and the associated data bind a box to
// what it is for: a box made for one tender or holder does not open as another's.
import { gcm } from '@noble/ciphers/aes.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64, systemRandom, toBase64, toHex, utf8, type Random } from './bytes';

export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A new X25519 key pair. */
export function newKeyPair(random: Random = systemRandom): KeyPair {
  const secretKey = random(KEY_BYTES);
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return x25519.getPublicKey(secretKey);
}

/**
 * The fingerprint printed in a tender notice: SHA-256 of the public key, hex in
 * groups of four ("3f2a 9c01 …"), the first 16 bytes (128 bits) of it.
 */
export function fingerprint(publicKey: Uint8Array): string {
  return (toHex(sha256(publicKey)).slice(0, 32).match(/.{4}/g) as string[]).join(' ');
}

export interface Box {
  /** The sender's ephemeral X25519 public key. */
  ephemeralPublicKey: string;
  nonce: string;
  /** AES-256-GCM ciphertext with its 16-byte tag at the end. */
  ciphertext: string;
}

function boxKey(shared: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array, context: string): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeral, recipient), utf8(context), KEY_BYTES);
}

/** Encrypts `plaintext` so that only the holder of `recipientPublicKey`'s secret can read it. */
export function sealTo(recipientPublicKey: Uint8Array, plaintext: Uint8Array, context: string, aad: Uint8Array, random: Random = systemRandom): Box {
  const eph = newKeyPair(random);
  const key = boxKey(x25519.getSharedSecret(eph.secretKey, recipientPublicKey), eph.publicKey, recipientPublicKey, context);
  const nonce = random(NONCE_BYTES);
  const ciphertext = gcm(key, nonce, aad).encrypt(plaintext);
  return { ephemeralPublicKey: toBase64(eph.publicKey), nonce: toBase64(nonce), ciphertext: toBase64(ciphertext) };
}

/**
 * The primitives opening uses: X25519, HKDF-SHA-256, AES-256-GCM. The default is
 * @noble's (the same code in the browser, the CLI and the server); a server may
 * pass Node's implementations of the same algorithms (faster for an opening of
 * thousands of bids) — the format and its checks stay here.
 */
export interface OpenPrimitives {
  publicKeyOf(secretKey: Uint8Array): Uint8Array;
  sharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array;
  hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /** Decrypts and authenticates (the tag at the end of the ciphertext); throws when it does not. */
  gcmDecrypt(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array;
}

export const NOBLE: OpenPrimitives = {
  publicKeyOf: (s) => x25519.getPublicKey(s),
  sharedSecret: (s, p) => x25519.getSharedSecret(s, p),
  hkdf: (ikm, salt, info, length) => hkdf(sha256, ikm, salt, info, length),
  gcmDecrypt: (key, nonce, aad, ct) => gcm(key, nonce, aad).decrypt(ct),
};

/** Opens a box with the recipient's secret key; null when it does not open (wrong key, context, data or tampering). */
export function openBox(secretKey: Uint8Array, box: Box, context: string, aad: Uint8Array, p: OpenPrimitives = NOBLE): Uint8Array | null {
  const eph = fromBase64(box.ephemeralPublicKey);
  const nonce = fromBase64(box.nonce);
  const ct = fromBase64(box.ciphertext);
  if (!eph || eph.length !== KEY_BYTES || !nonce || nonce.length !== NONCE_BYTES || !ct || ct.length < TAG_BYTES) return null;
  try {
    const recipient = p.publicKeyOf(secretKey);
    const key = p.hkdf(p.sharedSecret(secretKey, eph), concatBytes(eph, recipient), utf8(context), KEY_BYTES);
    return p.gcmDecrypt(key, nonce, aad, ct);
  } catch {
    return null;
  }
}

/** Whether a box has the shape of one (sizes right); says nothing of whether it opens. */
export function isBoxShape(v: unknown, minCiphertext = TAG_BYTES): v is Box {
  if (!v || typeof v !== 'object') return false;
  const b = v as Record<string, unknown>;
  const eph = typeof b.ephemeralPublicKey === 'string' ? fromBase64(b.ephemeralPublicKey) : null;
  const nonce = typeof b.nonce === 'string' ? fromBase64(b.nonce) : null;
  const ct = typeof b.ciphertext === 'string' ? fromBase64(b.ciphertext) : null;
  return eph?.length === KEY_BYTES && nonce?.length === NONCE_BYTES && ct !== null && ct.length >= minCiphertext;
}
