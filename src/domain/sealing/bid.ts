// A sealed bid, as the bidder's browser (or the CLI, or the benchmark) makes it
// and the server checks and stores it (docs/decisions/0009). Each envelope of a
// bid (one, or technical and price apart) is a "digital envelope": its content
// encrypted with AES-256-GCM under a fresh random key, and that key sealed to the
// tender's opening key for the envelope. The server can check the form, never
// the content: the plaintext never reaches it.
import { gcm } from '@noble/ciphers/aes.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { defineCatalog, messageFactory, type Message } from '../i18n';
import { base64Length, canonicalJson, fromBase64, fromUtf8, systemRandom, toBase64, toHex, utf8, type Random } from './bytes';
import { fingerprint, isBoxShape, KEY_BYTES, NOBLE, NONCE_BYTES, openBox, sealTo, TAG_BYTES, type Box, type OpenPrimitives } from './box';
import { ENVELOPES, type Envelope } from './tender-key';

const WRAP_CONTEXT = 'procura bid key v1';

/** A price for one item of one lot; amounts are decimal strings (exact). */
export interface PriceLine {
  lotId: string;
  itemId: string;
  unitPrice: string;
  quantity: string;
}

export interface BidDocument {
  name: string;
  mediaType: string;
  /** SHA-256 of the file, hex. */
  sha256: string;
  /** The file, base64. */
  data: string;
}

/** What a bidder puts in one envelope, before sealing. */
export interface EnvelopeContent {
  format: 'procura-bid/1';
  tenderId: string;
  envelope: Envelope;
  bidderOrgId: string;
  /** The price schedule (single or price envelope). */
  prices: PriceLine[];
  /** Qualification and technical documents (single or technical envelope). */
  documents: BidDocument[];
  /** A short cover text. */
  statement: string;
}

export interface SealedEnvelope {
  format: 'procura-sealed-bid/1';
  tenderId: string;
  envelope: Envelope;
  /** Fingerprint of the tender key it is sealed to (printed in the tender notice). */
  keyFingerprint: string;
  /** The content key, sealed to the tender key. */
  wrappedKey: Box;
  nonce: string;
  ciphertext: string;
}

/** Everything a bidder sends for one version of its bid. */
export interface BidSubmission {
  format: 'procura-bid-submission/1';
  tenderId: string;
  envelopes: SealedEnvelope[];
}

/** The header every envelope's encryption is bound to (its associated data). */
const header = (e: Pick<SealedEnvelope, 'tenderId' | 'envelope' | 'keyFingerprint'>) =>
  utf8(canonicalJson({ format: 'procura-sealed-bid/1', tenderId: e.tenderId, envelope: e.envelope, keyFingerprint: e.keyFingerprint }));

/**
 * Seals one envelope to the tender key. `expectedFingerprint` is the one the
 * bidder reads in the tender notice: a key that does not match is refused
 * before anything is encrypted to it.
 */
export function sealEnvelope(content: EnvelopeContent, tenderKey: { publicKey: string; fingerprint: string }, expectedFingerprint: string, random: Random = systemRandom): SealedEnvelope {
  const pub = fromBase64(tenderKey.publicKey);
  if (!pub || pub.length !== KEY_BYTES || fingerprint(pub) !== tenderKey.fingerprint || tenderKey.fingerprint !== expectedFingerprint) {
    throw new RangeError('seal: the tender key does not match the fingerprint of the tender notice');
  }
  const head = { tenderId: content.tenderId, envelope: content.envelope, keyFingerprint: tenderKey.fingerprint };
  const aad = header(head);
  const key = random(KEY_BYTES);
  const nonce = random(NONCE_BYTES);
  const ciphertext = gcm(key, nonce, aad).encrypt(utf8(canonicalJson(content)));
  const wrappedKey = sealTo(pub, key, WRAP_CONTEXT, aad, random);
  key.fill(0);
  return { format: 'procura-sealed-bid/1', ...head, wrappedKey, nonce: toBase64(nonce), ciphertext: toBase64(ciphertext) };
}

export type OpenFailure = 'key' | 'content';

/**
 * Opens an envelope with the tender's rebuilt secret. 'key': the content key
 * does not open (sealed to another key, or altered); 'content': it opens but the
 * content is altered or not a bid for this envelope.
 */
export function openEnvelope(secretKey: Uint8Array, sealed: SealedEnvelope, p: OpenPrimitives = NOBLE): { ok: true; content: EnvelopeContent } | { ok: false; failure: OpenFailure } {
  const aad = header(sealed);
  const key = openBox(secretKey, sealed.wrappedKey, WRAP_CONTEXT, aad, p);
  if (!key || key.length !== KEY_BYTES) return { ok: false, failure: 'key' };
  try {
    const plain = p.gcmDecrypt(key, fromBase64(sealed.nonce)!, aad, fromBase64(sealed.ciphertext)!);
    const content = JSON.parse(fromUtf8(plain)) as EnvelopeContent;
    if (content?.format !== 'procura-bid/1' || content.tenderId !== sealed.tenderId || content.envelope !== sealed.envelope || !Array.isArray(content.prices) || !Array.isArray(content.documents)) {
      return { ok: false, failure: 'content' };
    }
    return { ok: true, content };
  } catch {
    return { ok: false, failure: 'content' };
  }
}

/** SHA-256 (hex) of a submission as stored: what the receipt signs. */
export function submissionDigest(s: BidSubmission): string {
  return toHex(sha256(utf8(canonicalJson(s))));
}

export const SEAL_MESSAGES = defineCatalog({
  'seal.not_object': { 'zh-CN': '不是密封投标文件', en: 'is not a sealed bid' },
  'seal.format': { 'zh-CN': '格式必须是 {expected}', en: 'must be the format {expected}' },
  'seal.tender': { 'zh-CN': '不是为本招标项目密封的', en: 'was not sealed for this tender' },
  'seal.envelopes': { 'zh-CN': '本招标需要以下信封各一个：{expected}', en: 'this tender needs one envelope each of: {expected}' },
  'seal.envelope_unknown': { 'zh-CN': '不是本招标的信封', en: 'is not an envelope of this tender' },
  'seal.fingerprint': { 'zh-CN': '密封所用的开标密钥不是本招标公告中的密钥', en: 'is sealed to a key other than the one in the tender notice' },
  'seal.wrapped_key': { 'zh-CN': '封装的密钥格式不正确', en: 'the wrapped key is malformed' },
  'seal.nonce': { 'zh-CN': '随机数必须是 12 字节的 base64', en: 'must be 12 bytes of base64' },
  'seal.ciphertext': { 'zh-CN': '密文必须是 base64，且至少 16 字节', en: 'must be base64 of at least 16 bytes' },
  'seal.too_large': { 'zh-CN': '投标文件超过 {max} 字节', en: 'the bid is larger than {max} bytes' },
});
const smsg = messageFactory(SEAL_MESSAGES);

export interface SealIssue {
  /** Where, in the submission: 'envelopes.1.nonce'. */
  path: string;
  message: Message;
}

/**
 * The server's check of a submission's form: the format, this tender, exactly
 * the envelopes the tender has, each sealed to the tender's published key, every
 * part the right size. It cannot (and must not be able to) look inside.
 */
export function checkSubmission(
  v: unknown,
  expect: { tenderId: string; keys: readonly { envelope: Envelope; fingerprint: string }[]; maxBytes: number },
): { ok: true; submission: BidSubmission; bytes: Uint8Array } | { ok: false; issues: SealIssue[] } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, issues: [{ path: '', message: smsg('seal.not_object') }] };
  const s = v as Record<string, unknown>;
  const issues: SealIssue[] = [];
  if (s.format !== 'procura-bid-submission/1') issues.push({ path: 'format', message: smsg('seal.format', { expected: 'procura-bid-submission/1' }) });
  if (s.tenderId !== expect.tenderId) issues.push({ path: 'tenderId', message: smsg('seal.tender') });
  const wanted = expect.keys.map((k) => k.envelope);
  const envs = Array.isArray(s.envelopes) ? (s.envelopes as unknown[]) : [];
  const got = envs.map((e) => (e && typeof e === 'object' ? (e as Record<string, unknown>).envelope : undefined));
  if (envs.length !== wanted.length || !wanted.every((w) => got.filter((g) => g === w).length === 1)) {
    issues.push({ path: 'envelopes', message: smsg('seal.envelopes', { expected: wanted.join(', ') }) });
  }
  envs.forEach((raw, i) => {
    const at = `envelopes.${i}`;
    if (!raw || typeof raw !== 'object') {
      issues.push({ path: at, message: smsg('seal.not_object') });
      return;
    }
    const e = raw as Record<string, unknown>;
    if (e.format !== 'procura-sealed-bid/1') issues.push({ path: `${at}.format`, message: smsg('seal.format', { expected: 'procura-sealed-bid/1' }) });
    if (e.tenderId !== expect.tenderId) issues.push({ path: `${at}.tenderId`, message: smsg('seal.tender') });
    const key = expect.keys.find((k) => k.envelope === e.envelope);
    if (!(ENVELOPES as readonly unknown[]).includes(e.envelope) || !key) issues.push({ path: `${at}.envelope`, message: smsg('seal.envelope_unknown') });
    else if (e.keyFingerprint !== key.fingerprint) issues.push({ path: `${at}.keyFingerprint`, message: smsg('seal.fingerprint') });
    if (!isBoxShape(e.wrappedKey, KEY_BYTES + TAG_BYTES)) issues.push({ path: `${at}.wrappedKey`, message: smsg('seal.wrapped_key') });
    if (typeof e.nonce !== 'string' || fromBase64(e.nonce)?.length !== NONCE_BYTES) issues.push({ path: `${at}.nonce`, message: smsg('seal.nonce') });
    // Its size only: the ciphertext is never decoded here (it may be tens of megabytes).
    const ct = typeof e.ciphertext === 'string' ? base64Length(e.ciphertext) : null;
    if (ct === null || ct < TAG_BYTES) issues.push({ path: `${at}.ciphertext`, message: smsg('seal.ciphertext') });
  });
  if (issues.length) return { ok: false, issues };
  // The bytes stored and hashed: the canonical JSON, whose SHA-256 the bidder computes too (submissionDigest).
  const bytes = utf8(canonicalJson(v));
  if (bytes.length > expect.maxBytes) return { ok: false, issues: [{ path: '', message: smsg('seal.too_large', { max: expect.maxBytes }) }] };
  return { ok: true, submission: v as BidSubmission, bytes };
}
