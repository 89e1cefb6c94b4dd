// Node's primitives open exactly what @noble's open, and refuse exactly what they refuse.
import { describe, expect, it } from 'vitest';
import { createTenderKey, openShare, rebuildTenderSecret } from '../domain/sealing/tender-key';
import { newKeyPair, NOBLE } from '../domain/sealing/box';
import { openEnvelope, sealEnvelope } from '../domain/sealing/bid';
import { toBase64 } from '../domain/sealing/bytes';
import { nodePrimitives } from './sealing-node';

describe('opening with Node’s primitives', () => {
  it('opens the same content as @noble, and fails where it fails', async () => {
    const hs = [newKeyPair(), newKeyPair()];
    const key = await createTenderKey({ tenderId: 't', envelope: 'single', holders: hs.map((k, i) => ({ userId: `u${i}`, publicKey: toBase64(k.publicKey) })), threshold: 2 });
    const secret = (await rebuildTenderSecret(key, hs.map((k, i) => openShare(key, `u${i}`, k.secretKey)!)))!;
    const node = nodePrimitives();
    const sealed = sealEnvelope({ format: 'procura-bid/1', tenderId: 't', envelope: 'single', bidderOrgId: 'o', prices: [{ lotId: 'L1', itemId: 'L1.1', unitPrice: '1.00', quantity: '2' }], documents: [], statement: '价格' }, key, key.fingerprint);
    expect(openEnvelope(secret, sealed, node)).toEqual(openEnvelope(secret, sealed, NOBLE));
    expect(openEnvelope(secret, sealed, node).ok).toBe(true);
    const wrongKey = newKeyPair().secretKey;
    expect(openEnvelope(wrongKey, sealed, node)).toEqual({ ok: false, failure: 'key' });
    const ct = Buffer.from(sealed.ciphertext, 'base64');
    ct[5] = ct[5]! ^ 1;
    const altered = { ...sealed, ciphertext: ct.toString('base64') };
    expect(openEnvelope(secret, altered, node)).toEqual(openEnvelope(secret, altered, NOBLE));
    expect(openEnvelope(secret, altered, node)).toEqual({ ok: false, failure: 'content' });
  });
});
