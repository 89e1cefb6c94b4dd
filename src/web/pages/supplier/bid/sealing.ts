// Sealing in the bidder's browser (docs/decisions/0009): the fingerprint of the
// tender notice checked, each envelope encrypted under a fresh AES-256-GCM key
// wrapped to the tender's opening key (domain/sealing/bid.ts, randomness from
// WebCrypto), a copy of exactly what was sealed kept here; only ciphertext goes
// to the server. Document hashes come from WebCrypto's SHA-256.
import { sealEnvelope, submissionDigest, type BidDocument, type BidSubmission, type PriceLine } from '../../../../domain/sealing/bid';
import type { MarketTender } from '../../../api/buy';

export async function documentOf(file: File): Promise<BidDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, mediaType: file.type || 'application/octet-stream', sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), data: btoa(s) };
}

export function seal(t: MarketTender, bidderOrgId: string, input: { prices: PriceLine[]; documents: BidDocument[]; statement: string }, fingerprints: Record<string, string>): BidSubmission {
  return {
    format: 'procura-bid-submission/1',
    tenderId: t.id,
    envelopes: t.keys.map((k) =>
      sealEnvelope(
        {
          format: 'procura-bid/1',
          tenderId: t.id,
          envelope: k.envelope,
          bidderOrgId,
          prices: k.envelope === 'technical' ? [] : input.prices,
          documents: k.envelope === 'price' ? [] : input.documents,
          statement: input.statement,
        },
        k,
        fingerprints[k.envelope] ?? '',
      ),
    ),
  };
}

const LOCAL = (tenderId: string) => `procura.sealed.${tenderId}`;

/** The local copy of what was sealed, by version (kept in this browser when it fits; always offered as a download). */
export function keepLocalCopy(tenderId: string, version: number, submission: BidSubmission): boolean {
  try {
    const all = JSON.parse(localStorage.getItem(LOCAL(tenderId)) ?? '{}') as Record<string, BidSubmission>;
    all[String(version)] = submission;
    const text = JSON.stringify(all);
    if (text.length > 3_000_000) return false;
    localStorage.setItem(LOCAL(tenderId), text);
    return true;
  } catch {
    return false;
  }
}

export function localCopy(tenderId: string, version: number): BidSubmission | null {
  try {
    return (JSON.parse(localStorage.getItem(LOCAL(tenderId)) ?? '{}') as Record<string, BidSubmission>)[String(version)] ?? null;
  } catch {
    return null;
  }
}

export { submissionDigest };
