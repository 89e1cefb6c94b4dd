// Node's implementations of the primitives an opening uses (X25519, HKDF-SHA-256,
// AES-256-GCM: node:crypto, OpenSSL), for domain/sealing's openEnvelope: the
// format and its checks stay in the domain, only the primitives are faster (an
// opening of a thousand 50 kB bids spends most of its time here with @noble's
// pure-TypeScript ones). sealing-node.test.ts shows both open the same.
import { createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, type KeyObject } from 'node:crypto';
import { NOBLE, TAG_BYTES, type OpenPrimitives } from '../domain/sealing/box';

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** Primitives for one secret key (the rebuilt opening key): its key object and public key are made once. */
/** SHA-256 in hex with Node's crypto (bytes, or a string as UTF-8): the digest receipts, files and tokens are named by. */
export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export function nodePrimitives(): OpenPrimitives {
  const privateKeys = new Map<string, { key: KeyObject; pub: Uint8Array }>();
  const own = (secret: Uint8Array) => {
    const id = b64u(secret);
    let k = privateKeys.get(id);
    if (!k) {
      const pub = NOBLE.publicKeyOf(secret);
      k = { key: createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: id, x: b64u(pub) }, format: 'jwk' }), pub };
      privateKeys.set(id, k);
    }
    return k;
  };
  return {
    publicKeyOf: (secret) => own(secret).pub,
    sharedSecret: (secret, pub) => new Uint8Array(diffieHellman({ privateKey: own(secret).key, publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64u(pub) }, format: 'jwk' }) })),
    hkdf: (ikm, salt, info, length) => new Uint8Array(hkdfSync('sha256', ikm, salt, info, length)),
    gcmDecrypt: (key, nonce, aad, ct) => {
      const d = createDecipheriv('aes-256-gcm', key, nonce);
      d.setAAD(aad);
      d.setAuthTag(ct.subarray(ct.length - TAG_BYTES));
      return new Uint8Array(Buffer.concat([d.update(ct.subarray(0, ct.length - TAG_BYTES)), d.final()]));
    },
  };
}
