// A key holder's own key: an X25519 key pair derived in the holder's browser
// from their passphrase with scrypt (@noble/hashes) and a random salt. The
// server keeps only the salt, the scrypt parameters and the public key; the
// passphrase and the secret key never leave the browser. The tender's opening
// key shares are encrypted to these public keys.
//
// The passphrase must be long (MIN_PASSPHRASE): whoever holds the database can
// try passphrases against the public key offline, so scrypt's cost and the
// passphrase's length are what keep k shares from being opened early.
import { scrypt, scryptAsync } from '@noble/hashes/scrypt.js';
import { fromBase64, systemRandom, toBase64, utf8, type Random } from './bytes';
import { publicKeyOf } from './box';

export const MIN_PASSPHRASE = 12;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^17 × 8 × 1: about 128 MiB and a second or two in a browser. */
export const DEFAULT_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

/** What the server stores for a key holder. */
export interface HolderKeyRecord {
  format: 'procura-holder-key/1';
  salt: string;
  scrypt: ScryptParams;
  publicKey: string;
}

export type PassphraseProblem = 'too_short' | null;

export function passphraseProblem(passphrase: string): PassphraseProblem {
  return [...passphrase].length < MIN_PASSPHRASE ? 'too_short' : null;
}

/** The holder's secret key from the passphrase and the stored salt and parameters. */
export function deriveHolderSecret(passphrase: string, record: Pick<HolderKeyRecord, 'salt' | 'scrypt'>): Uint8Array {
  const salt = fromBase64(record.salt);
  if (!salt) throw new RangeError('holder key: the salt is not base64');
  return scrypt(utf8(passphrase.normalize('NFKC')), salt, { ...record.scrypt, dkLen: 32 });
}

/** Enrols a key holder: a new salt, the derived key's public half. */
export function createHolderKey(passphrase: string, params: ScryptParams = DEFAULT_SCRYPT, random: Random = systemRandom): HolderKeyRecord {
  if (passphraseProblem(passphrase)) throw new RangeError(`holder key: the passphrase needs at least ${MIN_PASSPHRASE} characters`);
  const salt = toBase64(random(16));
  const secret = deriveHolderSecret(passphrase, { salt, scrypt: params });
  return { format: 'procura-holder-key/1', salt, scrypt: { ...params }, publicKey: toBase64(publicKeyOf(secret)) };
}

/** The holder's secret key, or null when the passphrase is not the one enrolled. */
export function unlockHolderKey(passphrase: string, record: HolderKeyRecord): Uint8Array | null {
  const secret = deriveHolderSecret(passphrase, record);
  return toBase64(publicKeyOf(secret)) === record.publicKey ? secret : null;
}

/**
 * The same derivation without blocking a browser's page, telling its progress
 * (0 to 1) as it goes: what the key holder's screens use.
 */
export async function deriveHolderSecretAsync(passphrase: string, record: Pick<HolderKeyRecord, 'salt' | 'scrypt'>, onProgress?: (done: number) => void): Promise<Uint8Array> {
  const salt = fromBase64(record.salt);
  if (!salt) throw new RangeError('holder key: the salt is not base64');
  return scryptAsync(utf8(passphrase.normalize('NFKC')), salt, { ...record.scrypt, dkLen: 32, onProgress });
}

export async function createHolderKeyAsync(passphrase: string, params: ScryptParams = DEFAULT_SCRYPT, onProgress?: (done: number) => void, random: Random = systemRandom): Promise<HolderKeyRecord> {
  if (passphraseProblem(passphrase)) throw new RangeError(`holder key: the passphrase needs at least ${MIN_PASSPHRASE} characters`);
  const salt = toBase64(random(16));
  const secret = await deriveHolderSecretAsync(passphrase, { salt, scrypt: params }, onProgress);
  return { format: 'procura-holder-key/1', salt, scrypt: { ...params }, publicKey: toBase64(publicKeyOf(secret)) };
}

export async function unlockHolderKeyAsync(passphrase: string, record: HolderKeyRecord, onProgress?: (done: number) => void): Promise<Uint8Array | null> {
  const secret = await deriveHolderSecretAsync(passphrase, record, onProgress);
  return toBase64(publicKeyOf(secret)) === record.publicKey ? secret : null;
}
