// The opening key of a tender's envelope, made in the key holders' ceremony when
// the tender is published (docs/decisions/0009): an X25519 key pair whose secret
// is split k-of-n with Shamir (shamir-secret-sharing, audited), each share
// sealed to one key holder's own key. The server keeps the public key, the
// fingerprint and the sealed shares — never the secret. At the opening, k
// holders open their shares in their browsers and hand them over; the secret is
// rebuilt and checked against the published public key (Shamir itself cannot
// tell a wrong rebuild from a right one).
import { combine, split } from 'shamir-secret-sharing';
import { fromBase64, systemRandom, toBase64, utf8, type Random } from './bytes';
import { fingerprint, isBoxShape, KEY_BYTES, newKeyPair, openBox, publicKeyOf, sealTo, type Box } from './box';

export const ENVELOPES = ['single', 'technical', 'price'] as const;
export type Envelope = (typeof ENVELOPES)[number];

export const MIN_KEY_HOLDERS = 2;
export const MAX_KEY_HOLDERS = 16;
const SHARE_CONTEXT = 'procura tender key share v1';

export interface KeyHolder {
  userId: string;
  /** The holder's own public key (holder-key.ts), base64. */
  publicKey: string;
}

export interface SealedShare {
  holderUserId: string;
  box: Box;
}

/** What the server stores and publishes for one envelope of one tender. */
export interface TenderKey {
  format: 'procura-tender-key/1';
  tenderId: string;
  envelope: Envelope;
  publicKey: string;
  fingerprint: string;
  threshold: number;
  shares: SealedShare[];
}

export type CeremonyProblem = 'too_few_holders' | 'too_many_holders' | 'threshold_out_of_range' | 'duplicate_holder' | 'bad_holder_key';

/** What is wrong with a ceremony's holders and threshold, or null. */
export function ceremonyProblem(holders: readonly KeyHolder[], threshold: number): CeremonyProblem | null {
  if (holders.length < MIN_KEY_HOLDERS) return 'too_few_holders';
  if (holders.length > MAX_KEY_HOLDERS) return 'too_many_holders';
  if (!Number.isInteger(threshold) || threshold < MIN_KEY_HOLDERS || threshold > holders.length) return 'threshold_out_of_range';
  if (new Set(holders.map((h) => h.userId)).size !== holders.length) return 'duplicate_holder';
  if (holders.some((h) => fromBase64(h.publicKey)?.length !== KEY_BYTES)) return 'bad_holder_key';
  return null;
}

const shareAad = (tenderId: string, envelope: Envelope, holderUserId: string, fp: string) => utf8(`${tenderId}|${envelope}|${holderUserId}|${fp}`);

/** The ceremony: a new opening key, split among the holders; its secret is wiped before this returns. */
export async function createTenderKey(
  opts: { tenderId: string; envelope: Envelope; holders: readonly KeyHolder[]; threshold: number },
  random: Random = systemRandom,
): Promise<TenderKey> {
  const problem = ceremonyProblem(opts.holders, opts.threshold);
  if (problem) throw new RangeError(`tender key: ${problem}`);
  const kp = newKeyPair(random);
  const fp = fingerprint(kp.publicKey);
  const parts = await split(kp.secretKey, opts.holders.length, opts.threshold);
  kp.secretKey.fill(0);
  const shares = opts.holders.map((h, i) => {
    const box = sealTo(fromBase64(h.publicKey)!, parts[i]!, SHARE_CONTEXT, shareAad(opts.tenderId, opts.envelope, h.userId, fp), random);
    parts[i]!.fill(0);
    return { holderUserId: h.userId, box };
  });
  return { format: 'procura-tender-key/1', tenderId: opts.tenderId, envelope: opts.envelope, publicKey: toBase64(kp.publicKey), fingerprint: fp, threshold: opts.threshold, shares };
}

/** A holder opens their share with their own secret key (in their browser); null if it is not theirs or was altered. */
export function openShare(key: TenderKey, holderUserId: string, holderSecret: Uint8Array): Uint8Array | null {
  const mine = key.shares.find((s) => s.holderUserId === holderUserId);
  if (!mine) return null;
  return openBox(holderSecret, mine.box, SHARE_CONTEXT, shareAad(key.tenderId, key.envelope, holderUserId, key.fingerprint));
}

/** Rebuilds the secret from opened shares; null unless it matches the published public key. */
export async function rebuildTenderSecret(key: Pick<TenderKey, 'publicKey'>, shares: readonly Uint8Array[]): Promise<Uint8Array | null> {
  if (shares.length < MIN_KEY_HOLDERS || new Set(shares.map((s) => s.length)).size !== 1) return null;
  let secret: Uint8Array;
  try {
    secret = await combine([...shares]);
  } catch {
    return null;
  }
  return secret.length === KEY_BYTES && toBase64(publicKeyOf(secret)) === key.publicKey ? secret : null;
}

/** At most this many k-subsets are tried (C(16, 8) = 12,870 would be the worst case of 16 holders). */
export const MAX_REBUILD_TRIES = 5_000;

/**
 * Rebuilds the secret from any `threshold` of the shares handed over, so that a
 * wrong share (altered, or a holder's mistake) cannot block the opening while
 * enough right ones are there. Tries the k-subsets in order; returns the secret
 * and the positions of the shares that rebuilt it, or null.
 */
export async function rebuildFromAny(
  key: Pick<TenderKey, 'publicKey'>,
  shares: readonly Uint8Array[],
  threshold: number,
  maxTries = MAX_REBUILD_TRIES,
): Promise<{ secret: Uint8Array; used: number[] } | null> {
  const k = Math.max(threshold, MIN_KEY_HOLDERS);
  let tries = 0;
  for (const pick of subsets(shares.length, k)) {
    if (tries++ >= maxTries) return null;
    const secret = await rebuildTenderSecret(key, pick.map((i) => shares[i]!));
    if (secret) return { secret, used: pick };
  }
  return null;
}

/** The k-element subsets of 0..n-1 in lexicographic order. */
function* subsets(n: number, k: number): Generator<number[]> {
  if (k > n) return;
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/** Whether a stored tender key is well formed and its fingerprint is its public key's. */
export function isTenderKey(v: unknown): v is TenderKey {
  if (!v || typeof v !== 'object') return false;
  const k = v as Record<string, unknown>;
  const pub = typeof k.publicKey === 'string' ? fromBase64(k.publicKey) : null;
  return (
    k.format === 'procura-tender-key/1' &&
    typeof k.tenderId === 'string' &&
    (ENVELOPES as readonly unknown[]).includes(k.envelope) &&
    pub?.length === KEY_BYTES &&
    k.fingerprint === fingerprint(pub) &&
    Number.isInteger(k.threshold) &&
    Array.isArray(k.shares) &&
    (k.shares as unknown[]).every((s) => !!s && typeof (s as SealedShare).holderUserId === 'string' && isBoxShape((s as SealedShare).box)) &&
    (k.threshold as number) >= MIN_KEY_HOLDERS &&
    (k.threshold as number) <= (k.shares as unknown[]).length
  );
}
