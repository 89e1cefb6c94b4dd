// The receipt a bidder gets for each version of its bid (tendering.md,
// "Receiving bids" 1): the platform signs, with Ed25519 (@noble/curves), the
// tender, the bid, its version, the SHA-256 of what it received and the receipt
// time from the server clock at commit. Anyone with the platform's published
// public key can check it offline (the supplier's page, `procura verify-receipt`).
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { defineCatalog, messageFactory, type Message } from '../i18n';
import { canonicalJson, fromBase64, systemRandom, toBase64, toHex, utf8, type Random } from './bytes';

export interface ReceiptBody {
  format: 'procura-receipt/1';
  tenderId: string;
  bidId: string;
  version: number;
  /** SHA-256 (hex) of the stored submission (bid.ts, submissionDigest). */
  sha256: string;
  /** ISO time of the server clock when the bid was committed. */
  receivedAt: string;
  /** Which platform key signed it: the first 16 hex digits of SHA-256 of its public key. */
  platformKeyId: string;
}

export interface Receipt extends ReceiptBody {
  /** Ed25519 signature of the canonical JSON of the body, base64. */
  signature: string;
}

export interface PlatformKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  keyId: string;
}

export const platformKeyId = (publicKey: Uint8Array) => toHex(sha256(publicKey)).slice(0, 16);

export function platformKeyFrom(secretKey: Uint8Array): PlatformKey {
  const publicKey = ed25519.getPublicKey(secretKey);
  return { secretKey, publicKey, keyId: platformKeyId(publicKey) };
}

export function newPlatformKey(random: Random = systemRandom): PlatformKey {
  return platformKeyFrom(random(32));
}

const FIELDS = ['format', 'tenderId', 'bidId', 'version', 'sha256', 'receivedAt', 'platformKeyId'] as const;
const bodyBytes = (r: ReceiptBody) => utf8(canonicalJson(Object.fromEntries(FIELDS.map((f) => [f, r[f]]))));

/**
 * Signs a receipt. `sign` may be another audited Ed25519 implementation of the
 * same key (the server passes Node's, which is faster); Ed25519 signatures are
 * deterministic, so the receipt is the same either way.
 */
export function signReceipt(body: Omit<ReceiptBody, 'format' | 'platformKeyId'>, key: PlatformKey, sign: (message: Uint8Array) => Uint8Array = (m) => ed25519.sign(m, key.secretKey)): Receipt {
  const full: ReceiptBody = { format: 'procura-receipt/1', ...body, platformKeyId: key.keyId };
  return { ...full, signature: toBase64(sign(bodyBytes(full))) };
}

export const RECEIPT_MESSAGES = defineCatalog({
  'receipt.valid': {
    'zh-CN': '回执有效：投标 {bidId} 第 {version} 版于 {receivedAt} 收到，内容摘要 {sha256}。',
    en: 'Valid receipt: bid {bidId} version {version} received at {receivedAt}, content digest {sha256}.',
  },
  'receipt.malformed': { 'zh-CN': '这不是 Procura 回执（缺少字段或格式不对）。', en: 'This is not a Procura receipt (fields missing or malformed).' },
  'receipt.other_key': { 'zh-CN': '回执由另一把平台密钥（{keyId}）签发，而不是所给的公钥。', en: 'The receipt was signed by another platform key ({keyId}) than the one given.' },
  'receipt.bad_signature': { 'zh-CN': '签名不符：回执在签发后被改动过，或不是平台签发的。', en: 'The signature does not match: the receipt was changed after signing, or not signed by the platform.' },
  'receipt.digest_mismatch': { 'zh-CN': '回执中的摘要与所给的投标文件不符。', en: 'The digest in the receipt does not match the bid file given.' },
});
const rmsg = messageFactory(RECEIPT_MESSAGES);

function isReceipt(v: unknown): v is Receipt {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    r.format === 'procura-receipt/1' &&
    typeof r.tenderId === 'string' &&
    typeof r.bidId === 'string' &&
    Number.isInteger(r.version) &&
    typeof r.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(r.sha256) &&
    typeof r.receivedAt === 'string' &&
    !Number.isNaN(Date.parse(r.receivedAt)) &&
    typeof r.platformKeyId === 'string' &&
    typeof r.signature === 'string' &&
    fromBase64(r.signature)?.length === 64
  );
}

/**
 * Checks a receipt against the platform's public key, and, when given, the
 * digest of the bidder's own copy of what it sent.
 */
export function verifyReceipt(v: unknown, platformPublicKey: Uint8Array, submissionSha256?: string): { ok: true; receipt: Receipt; message: Message } | { ok: false; message: Message } {
  if (!isReceipt(v)) return { ok: false, message: rmsg('receipt.malformed') };
  const keyId = platformKeyId(platformPublicKey);
  if (v.platformKeyId !== keyId) return { ok: false, message: rmsg('receipt.other_key', { keyId: v.platformKeyId }) };
  let good = false;
  try {
    good = ed25519.verify(fromBase64(v.signature)!, bodyBytes(v), platformPublicKey);
  } catch {
    good = false;
  }
  if (!good) return { ok: false, message: rmsg('receipt.bad_signature') };
  if (submissionSha256 !== undefined && submissionSha256 !== v.sha256) return { ok: false, message: rmsg('receipt.digest_mismatch') };
  return { ok: true, receipt: v, message: rmsg('receipt.valid', { bidId: v.bidId, version: v.version, receivedAt: v.receivedAt, sha256: v.sha256 }) };
}
