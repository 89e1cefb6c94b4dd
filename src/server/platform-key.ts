// The platform's receipt key (Ed25519, domain/sealing/receipt.ts): the key that
// signs every bid receipt. It lives outside the database, so that a copy of the
// database (or a backup) cannot forge receipts: PROCURA_PLATFORM_KEY (the
// 32-byte secret in base64), else `platform-key.json` in the data folder,
// created on first start (mode 600). Its public half is published at
// /api/v1/platform/receipt-key and in every receipt file.
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fromBase64, toBase64 } from '../domain/sealing/bytes';
import { newPlatformKey, platformKeyFrom, type PlatformKey } from '../domain/sealing/receipt';

export const PLATFORM_KEY_FILE = 'platform-key.json';

/** The platform key with Node's Ed25519 for signing (the same signatures as @noble's, faster on the bid path). */
export interface ServerPlatformKey extends PlatformKey {
  sign(message: Uint8Array): Uint8Array;
}

export function withNodeSigner(key: PlatformKey): ServerPlatformKey {
  const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
  const keyObject = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64u(key.secretKey), x: b64u(key.publicKey) }, format: 'jwk' });
  return { ...key, sign: (m) => new Uint8Array(nodeSign(null, m, keyObject)) };
}

export function loadPlatformKey(opts: { env?: NodeJS.ProcessEnv; dataDir: string }): ServerPlatformKey {
  return withNodeSigner(readPlatformKey(opts));
}

function readPlatformKey(opts: { env?: NodeJS.ProcessEnv; dataDir: string }): PlatformKey {
  const fromEnv = (opts.env ?? process.env).PROCURA_PLATFORM_KEY;
  if (fromEnv) {
    const secret = fromBase64(fromEnv.trim());
    if (!secret || secret.length !== 32) throw new Error('PROCURA_PLATFORM_KEY must be 32 bytes in base64 (for example: openssl rand -base64 32).');
    return platformKeyFrom(secret);
  }
  const file = path.join(opts.dataDir, PLATFORM_KEY_FILE);
  if (fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { secretKey?: string };
    const secret = stored.secretKey ? fromBase64(stored.secretKey) : null;
    if (!secret || secret.length !== 32) throw new Error(`${file} does not hold a platform key; move it away to make a new one (old receipts then need the old public key).`);
    return platformKeyFrom(secret);
  }
  const key = newPlatformKey();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const body = { algorithm: 'Ed25519', keyId: key.keyId, publicKey: toBase64(key.publicKey), secretKey: toBase64(key.secretKey), createdAt: new Date().toISOString() };
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** What anyone may know of the key: to check receipts offline. */
export function publicPlatformKey(key: PlatformKey) {
  return { algorithm: 'Ed25519' as const, keyId: key.keyId, publicKey: toBase64(key.publicKey) };
}
