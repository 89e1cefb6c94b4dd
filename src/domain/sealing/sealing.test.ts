import { describe, expect, it } from 'vitest';
import { gcm } from '@noble/ciphers/aes.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  canonicalJson,
  checkSubmission,
  concatBytes,
  createHolderKey,
  createTenderKey,
  ceremonyProblem,
  DEFAULT_SCRYPT,
  equalBytes,
  fingerprint,
  fromBase64,
  fromUtf8,
  isBoxShape,
  isTenderKey,
  newKeyPair,
  newPlatformKey,
  openBox,
  openEnvelope,
  openShare,
  passphraseProblem,
  platformKeyFrom,
  platformKeyId,
  rebuildTenderSecret,
  rebuildFromAny,
  MAX_REBUILD_TRIES,
  sealEnvelope,
  sealTo,
  signReceipt,
  submissionDigest,
  systemRandom,
  toBase64,
  toHex,
  unlockHolderKey,
  utf8,
  verifyReceipt,
  type BidSubmission,
  type EnvelopeContent,
  type KeyHolder,
  type Random,
  type TenderKey,
} from './index';

/** A deterministic stream for reproducible keys in tests (never for real keys). */
function seeded(seed: number): Random {
  let x = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 255;
    }
    return out;
  };
}
const FAST = { N: 2 ** 4, r: 8, p: 1 };

describe('bytes', () => {
  it('base64 round-trips every length and refuses what is not padded base64', () => {
    for (let n = 0; n < 40; n++) {
      const b = seeded(n + 1)(n);
      const s = toBase64(b);
      expect(s).toBe(globalThis.btoa(String.fromCharCode(...b)));
      expect(equalBytes(fromBase64(s)!, b)).toBe(true);
    }
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab$=')).toBeNull();
    expect(fromBase64('ab=c')).toBeNull();
    expect(fromBase64('a===')).toBeNull();
    expect(fromBase64('éééé')).toBeNull();
    expect(fromBase64(42 as unknown as string)).toBeNull();
    expect(fromBase64('')).toEqual(new Uint8Array(0));
  });
  it('hex, utf-8, concatenation, constant-time comparison', () => {
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
    expect(fromUtf8(utf8('招标 ok'))).toBe('招标 ok');
    expect(() => fromUtf8(new Uint8Array([0xff]))).toThrow();
    expect(concatBytes(new Uint8Array([1]), new Uint8Array([2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
    expect(equalBytes(new Uint8Array([1]), new Uint8Array([1, 2]))).toBe(false);
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(systemRandom(8)).toHaveLength(8);
  });
  it('canonical JSON sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"z":1}]},"b":1}');
    expect(canonicalJson([undefined, null, 'é'])).toBe('[null,null,"é"]');
    expect(canonicalJson(3)).toBe('3');
    // Integer-like keys sort as text too (an object would put them first, in numeric order).
    expect(canonicalJson({ b: { 10: 'x', 2: 'y', a: [{ 1: 1 }] } })).toBe('{"b":{"10":"x","2":"y","a":[{"1":1}]}}');
    expect(canonicalJson({ b: [1, undefined], a: null })).toBe('{"a":null,"b":[1,null]}');
    expect(canonicalJson({ 1: [undefined, 2], 0: 'x' })).toBe('{"0":"x","1":[null,2]}');
    // Not plain data: the walk's text, as before the engine's serializer was used.
    expect(canonicalJson({ b: new Date(0), a: 1 })).toBe('{"a":1,"b":{}}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});

describe('boxes to X25519 keys', () => {
  const alice = newKeyPair(seeded(7));
  const aad = utf8('tender-1');
  it('only the recipient opens a box, for the same context and data', () => {
    const box = sealTo(alice.publicKey, utf8('share'), 'ctx', aad);
    expect(fromUtf8(openBox(alice.secretKey, box, 'ctx', aad)!)).toBe('share');
    expect(openBox(newKeyPair().secretKey, box, 'ctx', aad)).toBeNull();
    expect(openBox(alice.secretKey, box, 'other ctx', aad)).toBeNull();
    expect(openBox(alice.secretKey, box, 'ctx', utf8('tender-2'))).toBeNull();
    const flipped = fromBase64(box.ciphertext)!;
    flipped[0]! ^= 1;
    expect(openBox(alice.secretKey, { ...box, ciphertext: toBase64(flipped) }, 'ctx', aad)).toBeNull();
    expect(openBox(alice.secretKey, { ...box, nonce: 'AAAA' }, 'ctx', aad)).toBeNull();
    expect(openBox(alice.secretKey, { ...box, ephemeralPublicKey: toBase64(new Uint8Array(32)) }, 'ctx', aad)).toBeNull();
  });
  it('checks the shape of a box', () => {
    const box = sealTo(alice.publicKey, utf8('x'), 'ctx', aad);
    expect(isBoxShape(box)).toBe(true);
    expect(isBoxShape(box, 100)).toBe(false);
    expect(isBoxShape(null)).toBe(false);
    expect(isBoxShape({ ...box, nonce: 1 })).toBe(false);
    expect(isBoxShape({ ...box, ephemeralPublicKey: 'AAAA' })).toBe(false);
    expect(isBoxShape({ ...box, ciphertext: 5 })).toBe(false);
    expect(isBoxShape({ ...box, ephemeralPublicKey: 5 })).toBe(false);
  });
  it('prints a fingerprint of 128 bits in groups of four', () => {
    expect(fingerprint(alice.publicKey)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(fingerprint(alice.publicKey)).not.toBe(fingerprint(newKeyPair().publicKey));
  });
});

describe('key holders', () => {
  it('derive their key from a long passphrase; the wrong one does not unlock it', () => {
    expect(passphraseProblem('short')).toBe('too_short');
    expect(passphraseProblem('一二三四五六七八九十十一')).toBeNull();
    expect(() => createHolderKey('short', FAST)).toThrow(/12 characters/);
    const rec = createHolderKey('correct horse battery', FAST, seeded(3));
    expect(rec).toMatchObject({ format: 'procura-holder-key/1', scrypt: FAST });
    expect(fromBase64(rec.publicKey)).toHaveLength(32);
    expect(unlockHolderKey('correct horse battery', rec)).toHaveLength(32);
    expect(unlockHolderKey('correct horse batterz', rec)).toBeNull();
    expect(() => unlockHolderKey('x', { ...rec, salt: '!' })).toThrow(/salt/);
    expect(DEFAULT_SCRYPT.N).toBe(2 ** 17);
  });

  it('derive the same key without blocking the page, telling their progress', async () => {
    const { createHolderKeyAsync, unlockHolderKeyAsync } = await import('./index');
    await expect(createHolderKeyAsync('short', FAST)).rejects.toThrow(/12 characters/);
    const seen: number[] = [];
    const rec = await createHolderKeyAsync('correct horse battery', FAST, (p) => seen.push(p), seeded(3));
    expect(rec).toEqual(createHolderKey('correct horse battery', FAST, seeded(3)));
    expect(await unlockHolderKeyAsync('correct horse battery', rec)).toEqual(unlockHolderKey('correct horse battery', rec));
    expect(await unlockHolderKeyAsync('wrong horse battery', rec)).toBeNull();
    await expect(unlockHolderKeyAsync('x', { ...rec, salt: '!' })).rejects.toThrow(/salt/);
    expect((await createHolderKeyAsync('correct horse battery', FAST)).salt).not.toBe(rec.salt);
    void seen;
  });
});

async function ceremony(n = 3, k = 2) {
  const people = Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, kp: newKeyPair() }));
  const holders: KeyHolder[] = people.map((p) => ({ userId: p.userId, publicKey: toBase64(p.kp.publicKey) }));
  const key = await createTenderKey({ tenderId: 't1', envelope: 'single', holders, threshold: k });
  return { people, key };
}

describe('the opening key ceremony', () => {
  it('refuses holders and thresholds that cannot work', () => {
    const h = (id: string, pk = toBase64(newKeyPair().publicKey)) => ({ userId: id, publicKey: pk });
    expect(ceremonyProblem([h('a')], 2)).toBe('too_few_holders');
    expect(ceremonyProblem(Array.from({ length: 17 }, (_, i) => h(`u${i}`)), 2)).toBe('too_many_holders');
    expect(ceremonyProblem([h('a'), h('b')], 3)).toBe('threshold_out_of_range');
    expect(ceremonyProblem([h('a'), h('b')], 1)).toBe('threshold_out_of_range');
    expect(ceremonyProblem([h('a'), h('b')], 1.5)).toBe('threshold_out_of_range');
    expect(ceremonyProblem([h('a'), h('a')], 2)).toBe('duplicate_holder');
    expect(ceremonyProblem([h('a'), h('b', 'AAAA')], 2)).toBe('bad_holder_key');
    expect(ceremonyProblem([h('a'), h('b')], 2)).toBeNull();
    return expect(createTenderKey({ tenderId: 't', envelope: 'single', holders: [h('a')], threshold: 2 })).rejects.toThrow(/too_few_holders/);
  });

  it('any k of n holders rebuild the secret, fewer cannot, and the secret is never stored', async () => {
    const { people, key } = await ceremony(3, 2);
    expect(isTenderKey(key)).toBe(true);
    expect(JSON.stringify(key)).not.toContain('secret');
    const opened = people.map((p) => openShare(key, p.userId, p.kp.secretKey)!);
    for (const s of opened) expect(s).toBeInstanceOf(Uint8Array);
    for (const pair of [[0, 1], [1, 2], [0, 2]]) {
      const secret = await rebuildTenderSecret(key, pair.map((i) => opened[i]!));
      expect(toBase64(newKeyPairFrom(secret!).publicKey)).toBe(key.publicKey);
    }
    expect(await rebuildTenderSecret(key, [opened[0]!])).toBeNull();
    expect(await rebuildTenderSecret(key, [opened[0]!, opened[0]!.slice(1)])).toBeNull();
    // Two copies of one share rebuild nothing useful.
    expect(await rebuildTenderSecret(key, [opened[0]!, opened[0]!])).toBeNull();
    // A share that was altered rebuilds a wrong secret, which the public key catches.
    const bad = opened[1]!.slice();
    bad[3]! ^= 0xff;
    expect(await rebuildTenderSecret(key, [opened[0]!, bad])).toBeNull();
  });

  it('a wrong share among those handed over does not block the opening while k right ones are there', async () => {
    const { people, key } = await ceremony(4, 2);
    const opened = people.map((p) => openShare(key, p.userId, p.kp.secretKey)!);
    const bad = opened[0]!.slice();
    bad[5]! ^= 0x01;
    // The wrong share first: 2 shares, one wrong — nothing yet.
    expect(await rebuildFromAny(key, [bad, opened[1]!], 2)).toBeNull();
    // A third holder comes: {1, 2} rebuilds it, and says which shares did.
    const r = await rebuildFromAny(key, [bad, opened[1]!, opened[2]!], 2);
    expect(r?.used).toEqual([1, 2]);
    expect(toBase64(newKeyPairFrom(r!.secret).publicKey)).toBe(key.publicKey);
    // Right shares rebuild from the first pair; too few shares, or a threshold above them, rebuild nothing.
    expect((await rebuildFromAny(key, opened, 2))?.used).toEqual([0, 1]);
    expect(await rebuildFromAny(key, [opened[0]!], 2)).toBeNull();
    expect(await rebuildFromAny(key, opened.slice(0, 2), 3)).toBeNull();
    // A threshold below the minimum is read as the minimum (one share never opens anything).
    expect((await rebuildFromAny(key, opened.slice(0, 2), 1))?.used).toEqual([0, 1]);
    // The number of tries is bounded.
    expect(await rebuildFromAny(key, [bad, bad, opened[1]!, opened[2]!], 2, 3)).toBeNull();
    expect(MAX_REBUILD_TRIES).toBeGreaterThan(1_000);
  });

  it('a share opens only for its own holder, with their key', async () => {
    const { people, key } = await ceremony(2, 2);
    expect(openShare(key, 'u0', people[1]!.kp.secretKey)).toBeNull();
    expect(openShare(key, 'nobody', people[0]!.kp.secretKey)).toBeNull();
    // Moved to another tender, it no longer opens.
    expect(openShare({ ...key, tenderId: 't2' }, 'u0', people[0]!.kp.secretKey)).toBeNull();
  });

  it('checks the form of a stored key', async () => {
    const { key } = await ceremony(2, 2);
    expect(isTenderKey(null)).toBe(false);
    expect(isTenderKey({ ...key, fingerprint: 'x' })).toBe(false);
    expect(isTenderKey({ ...key, publicKey: 5 })).toBe(false);
    expect(isTenderKey({ ...key, envelope: 'cover' })).toBe(false);
    expect(isTenderKey({ ...key, threshold: 3 })).toBe(false);
    expect(isTenderKey({ ...key, threshold: 1 })).toBe(false);
    expect(isTenderKey({ ...key, shares: [null, null] })).toBe(false);
    expect(isTenderKey({ ...key, shares: 'x' })).toBe(false);
    expect(isTenderKey({ ...key, format: 'x' })).toBe(false);
    expect(isTenderKey({ ...key, tenderId: 1 })).toBe(false);
  });

  it('a broken share list does not crash the rebuild', async () => {
    expect(await rebuildTenderSecret({ publicKey: 'x' }, [new Uint8Array(0), new Uint8Array(0)])).toBeNull();
  });
});

function newKeyPairFrom(secret: Uint8Array) {
  return newKeyPair(() => secret.slice());
}

const content = (envelope: 'single' | 'technical' | 'price', over: Partial<EnvelopeContent> = {}): EnvelopeContent => ({
  format: 'procura-bid/1',
  tenderId: 't1',
  envelope,
  bidderOrgId: 'org-b',
  prices: envelope === 'technical' ? [] : [{ lotId: 'L1', itemId: 'I1', unitPrice: '1234.50', quantity: '10' }],
  documents: envelope === 'price' ? [] : [{ name: '资质.pdf', mediaType: 'application/pdf', sha256: 'ab'.repeat(32), data: toBase64(utf8('%PDF-1.7 …')) }],
  statement: '我方承诺按期交货',
  ...over,
});

describe('sealed bids', () => {
  it('seal in the bidder\'s browser, open only with the rebuilt tender secret', async () => {
    const { people, key } = await ceremony(3, 2);
    const sealed = sealEnvelope(content('single'), key, key.fingerprint);
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('1234.50');
    expect(text).not.toContain('我方承诺');
    expect(text).not.toContain(toBase64(utf8('%PDF-1.7 …')));
    const secret = (await rebuildTenderSecret(key, [openShare(key, 'u0', people[0]!.kp.secretKey)!, openShare(key, 'u2', people[2]!.kp.secretKey)!]))!;
    const opened = openEnvelope(secret, sealed);
    expect(opened).toEqual({ ok: true, content: content('single') });
    // Without the tender secret, nothing opens: not with a holder's own key, not with another tender's.
    expect(openEnvelope(people[0]!.kp.secretKey, sealed)).toEqual({ ok: false, failure: 'key' });
  });

  it('refuses to seal to a key that is not the one in the tender notice', async () => {
    const { key } = await ceremony(2, 2);
    const other = (await ceremony(2, 2)).key;
    expect(() => sealEnvelope(content('single'), key, other.fingerprint)).toThrow(/fingerprint/);
    expect(() => sealEnvelope(content('single'), { ...key, publicKey: other.publicKey }, key.fingerprint)).toThrow(/fingerprint/);
    expect(() => sealEnvelope(content('single'), { ...key, publicKey: 'AAAA' }, key.fingerprint)).toThrow(/fingerprint/);
  });

  it('tampering shows when opening: the key, the content, the header', async () => {
    const { people, key } = await ceremony(2, 2);
    const secret = (await rebuildTenderSecret(key, people.map((p) => openShare(key, p.userId, p.kp.secretKey)!)))!;
    const sealed = sealEnvelope(content('single'), key, key.fingerprint);
    const ct = fromBase64(sealed.ciphertext)!;
    ct[5]! ^= 1;
    expect(openEnvelope(secret, { ...sealed, ciphertext: toBase64(ct) })).toEqual({ ok: false, failure: 'content' });
    // Moving a sealed envelope to another tender or envelope breaks it.
    expect(openEnvelope(secret, { ...sealed, tenderId: 't2' })).toEqual({ ok: false, failure: 'key' });
    expect(openEnvelope(secret, { ...sealed, envelope: 'price' })).toEqual({ ok: false, failure: 'key' });
    // The header and the content are sealed together: a content that disagrees with its header is refused.
    const craft = (inner: unknown) => {
      const head = { tenderId: 't1', envelope: 'single' as const, keyFingerprint: key.fingerprint };
      const aad = utf8(canonicalJson({ format: 'procura-sealed-bid/1', ...head }));
      const k = systemRandom(32);
      const nonce = systemRandom(12);
      return {
        format: 'procura-sealed-bid/1' as const,
        ...head,
        wrappedKey: sealTo(fromBase64(key.publicKey)!, k, 'procura bid key v1', aad),
        nonce: toBase64(nonce),
        ciphertext: toBase64(gcm(k, nonce, aad).encrypt(utf8(typeof inner === 'string' ? inner : canonicalJson(inner)))),
      };
    };
    expect(openEnvelope(secret, craft(content('single')))).toEqual({ ok: true, content: content('single') });
    expect(openEnvelope(secret, craft({ ...content('single'), tenderId: 'tX' }))).toEqual({ ok: false, failure: 'content' });
    expect(openEnvelope(secret, craft({ ...content('single'), envelope: 'price' }))).toEqual({ ok: false, failure: 'content' });
    expect(openEnvelope(secret, craft({ ...content('single'), format: 'x' }))).toEqual({ ok: false, failure: 'content' });
    expect(openEnvelope(secret, craft({ ...content('single'), prices: 'none' }))).toEqual({ ok: false, failure: 'content' });
    expect(openEnvelope(secret, craft({ ...content('single'), documents: null }))).toEqual({ ok: false, failure: 'content' });
    expect(openEnvelope(secret, craft('not json'))).toEqual({ ok: false, failure: 'content' });
    expect(openEnvelope(secret, craft(null))).toEqual({ ok: false, failure: 'content' });
  });

  describe('the server\'s check of a submission', () => {
    async function twoEnvelopes() {
      const tech = (await ceremony(2, 2)).key;
      const price = { ...(await ceremony(2, 2)).key, envelope: 'price' as const };
      const submission: BidSubmission = {
        format: 'procura-bid-submission/1',
        tenderId: 't1',
        envelopes: [sealEnvelope(content('technical'), tech, tech.fingerprint), sealEnvelope(content('price'), price, price.fingerprint)],
      };
      const keys = [
        { envelope: 'technical' as const, fingerprint: tech.fingerprint },
        { envelope: 'price' as const, fingerprint: price.fingerprint },
      ];
      return { submission, keys };
    }
    const paths = (r: ReturnType<typeof checkSubmission>) => (r.ok ? [] : r.issues.map((i) => i.path));

    it('accepts a well-formed submission with exactly the tender\'s envelopes', async () => {
      const { submission, keys } = await twoEnvelopes();
      expect(checkSubmission(submission, { tenderId: 't1', keys, maxBytes: 1e6 })).toEqual({ ok: true, submission, bytes: utf8(canonicalJson(submission)) });
      expect(submissionDigest(submission)).toMatch(/^[0-9a-f]{64}$/);
    });
    it('names every part that is wrong, in both languages', async () => {
      const { submission, keys } = await twoEnvelopes();
      const expect1 = { tenderId: 't1', keys, maxBytes: 1e6 };
      expect(paths(checkSubmission(null, expect1))).toEqual(['']);
      expect(paths(checkSubmission([], expect1))).toEqual(['']);
      const r = checkSubmission({ ...submission, format: 'x', tenderId: 't2' }, expect1);
      expect(paths(r)).toEqual(['format', 'tenderId']);
      expect(r.ok || r.issues[1]!.message.text).toEqual({ 'zh-CN': '不是为本招标项目密封的', en: 'was not sealed for this tender' });
      expect(paths(checkSubmission({ ...submission, envelopes: [submission.envelopes[0]] }, expect1))).toEqual(['envelopes']);
      expect(paths(checkSubmission({ ...submission, envelopes: [submission.envelopes[0], submission.envelopes[0]] }, expect1))).toEqual(['envelopes']);
      expect(paths(checkSubmission({ ...submission, envelopes: 'x' }, expect1))).toEqual(['envelopes']);
      const [t, p] = submission.envelopes as unknown as [Record<string, unknown>, Record<string, unknown>];
      expect(paths(checkSubmission({ ...submission, envelopes: [t, 7] }, expect1))).toEqual(['envelopes', 'envelopes.1']);
      expect(paths(checkSubmission({ ...submission, envelopes: [t, { ...p, format: 'x', tenderId: 'z' }] }, expect1))).toEqual(['envelopes.1.format', 'envelopes.1.tenderId']);
      expect(paths(checkSubmission({ ...submission, envelopes: [t, { ...p, keyFingerprint: 'x' }] }, expect1))).toEqual(['envelopes.1.keyFingerprint']);
      expect(paths(checkSubmission({ ...submission, envelopes: [t, { ...p, envelope: 'cover' }] }, expect1))).toEqual(['envelopes', 'envelopes.1.envelope']);
      expect(paths(checkSubmission({ ...submission, envelopes: [t, { ...p, wrappedKey: { ...(p.wrappedKey as object), ciphertext: 'AAAA' } }] }, expect1))).toEqual(['envelopes.1.wrappedKey']);
      expect(paths(checkSubmission({ ...submission, envelopes: [t, { ...p, nonce: 'AAAA', ciphertext: 'AAAA' }] }, expect1))).toEqual(['envelopes.1.nonce', 'envelopes.1.ciphertext']);
      expect(paths(checkSubmission({ ...submission, envelopes: [t, { ...p, nonce: 3, ciphertext: null }] }, expect1))).toEqual(['envelopes.1.nonce', 'envelopes.1.ciphertext']);
      expect(paths(checkSubmission({ ...submission, envelopes: [t, { ...p, ciphertext: `${(p.ciphertext as string).slice(0, -4)}A*A=` }] }, expect1))).toEqual(['envelopes.1.ciphertext']);
      const big = checkSubmission(submission, { ...expect1, maxBytes: 100 });
      expect(paths(big)).toEqual(['']);
      expect(big.ok || big.issues[0]!.message.text.en).toBe('the bid is larger than 100 bytes');
      // A single-envelope tender wants exactly one "single" envelope.
      expect(paths(checkSubmission(submission, { tenderId: 't1', keys: [{ envelope: 'single', fingerprint: 'f' }], maxBytes: 1e6 }))).toEqual(['envelopes', 'envelopes.0.envelope', 'envelopes.1.envelope']);
    });
  });
});

describe('receipts', () => {
  const key = newPlatformKey();
  const body = { tenderId: 't1', bidId: 'b1', version: 2, sha256: 'a'.repeat(64), receivedAt: '2026-12-02T09:59:59.999Z' };
  it('are signed by the platform and verified offline with its public key alone', () => {
    const r = signReceipt(body, key);
    // Another Ed25519 implementation of the same key signs the same receipt (deterministic signatures).
    expect(signReceipt(body, key, (m) => ed25519.sign(m, key.secretKey))).toEqual(r);
    expect(r).toMatchObject({ format: 'procura-receipt/1', ...body, platformKeyId: key.keyId });
    const v = verifyReceipt(JSON.parse(JSON.stringify(r)), key.publicKey, body.sha256);
    expect(v.ok).toBe(true);
    expect(v.message.text.en).toBe(`Valid receipt: bid b1 version 2 received at 2026-12-02T09:59:59.999Z, content digest ${'a'.repeat(64)}.`);
    expect(verifyReceipt(r, key.publicKey).ok).toBe(true);
    expect(platformKeyFrom(key.secretKey).keyId).toBe(key.keyId);
  });
  it('any change, another key or another file fails, saying which', () => {
    const r = signReceipt(body, key);
    expect(verifyReceipt({ ...r, receivedAt: '2026-12-02T09:59:58.000Z' }, key.publicKey).message.code).toBe('receipt.bad_signature');
    expect(verifyReceipt({ ...r, version: 3 }, key.publicKey).message.code).toBe('receipt.bad_signature');
    const other = newPlatformKey();
    expect(verifyReceipt(r, other.publicKey).message.code).toBe('receipt.other_key');
    const forged = { ...signReceipt(body, other), platformKeyId: key.keyId };
    expect(verifyReceipt(forged, key.publicKey).message.code).toBe('receipt.bad_signature');
    expect(verifyReceipt(r, key.publicKey, 'b'.repeat(64)).message.code).toBe('receipt.digest_mismatch');
    for (const bad of [null, 'x', { ...r, format: 'x' }, { ...r, sha256: 'zz' }, { ...r, version: 1.5 }, { ...r, receivedAt: 'yesterday' }, { ...r, signature: 'AAAA' }, { ...r, tenderId: 1 }, { ...r, bidId: 1 }, { ...r, platformKeyId: 1 }, { ...r, sha256: 1 }, { ...r, receivedAt: 1 }, { ...r, signature: 1 }]) {
      expect(verifyReceipt(bad, key.publicKey).message.code).toBe('receipt.malformed');
    }
    // A signature of the right length that the curve refuses outright.
    expect(verifyReceipt({ ...r, signature: toBase64(new Uint8Array(64).fill(255)) }, key.publicKey).message.code).toBe('receipt.bad_signature');
    // A platform key that is no key at all: refused, never thrown.
    const notAKey = new Uint8Array(31);
    expect(verifyReceipt({ ...r, platformKeyId: platformKeyId(notAKey) }, notAKey).message.code).toBe('receipt.bad_signature');
    expect(ed25519.verify).toBeTypeOf('function');
  });
});

describe('a tender key is of no use to an outsider', () => {
  it('the stored ceremony output holds nothing that opens a bid', async () => {
    const { key } = await ceremony(3, 2);
    const sealed = sealEnvelope(content('single'), key, key.fingerprint);
    // Everything the server has: the public key, the sealed shares. Try them all.
    const stored: TenderKey = JSON.parse(JSON.stringify(key));
    for (const candidate of [fromBase64(stored.publicKey)!, ...stored.shares.map((s) => fromBase64(s.box.ciphertext)!.slice(0, 32))]) {
      expect(openEnvelope(candidate, sealed)).toEqual({ ok: false, failure: 'key' });
    }
  });
});

describe('base64 lengths', () => {
  it('tells the decoded size of padded base64 without decoding it, and refuses anything else', async () => {
    const { base64Length } = await import('./bytes');
    expect([base64Length(''), base64Length('AAAA'), base64Length('AAA='), base64Length('AA=='), base64Length(toBase64(new Uint8Array(1000)))]).toEqual([0, 3, 2, 1, 1000]);
    expect([base64Length('AAA'), base64Length('A==='), base64Length('AA*A'), base64Length('A=AA'), base64Length(7 as never)]).toEqual([null, null, null, null, null]);
  });
});
