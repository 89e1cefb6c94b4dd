import { z } from 'zod';
import { ENVELOPES } from '../../domain/sealing/tender-key';
import { LocalizedText, Timestamp, Uuid } from '../shared/http';
import { TenderPublic, TenderSummary } from '../tenders/schema';

const b64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** The bid exactly as the bidder's browser (or the CLI) sealed it: ciphertext only (domain/sealing/bid.ts). */
export const SealedEnvelope = z
  .object({
    format: z.literal('procura-sealed-bid/1'),
    tenderId: Uuid,
    envelope: z.enum(ENVELOPES),
    keyFingerprint: z.string().max(100),
    wrappedKey: z.object({ ephemeralPublicKey: b64(100), nonce: b64(100), ciphertext: b64(200) }).strict(),
    nonce: b64(100),
    ciphertext: b64(45_000_000),
  })
  .strict();
export const BidSubmission = z
  .object({ format: z.literal('procura-bid-submission/1'), tenderId: Uuid, envelopes: z.array(SealedEnvelope).min(1, 'is required').max(2) })
  .strict()
  .meta({ id: 'BidSubmission' });

export const Receipt = z
  .object({
    format: z.literal('procura-receipt/1'),
    tenderId: Uuid,
    bidId: Uuid,
    version: z.number().int(),
    sha256: z.string(),
    receivedAt: Timestamp,
    platformKeyId: z.string(),
    signature: z.string(),
  })
  .meta({ id: 'Receipt' });
export const PlatformKey = z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKey: z.string() }).meta({ id: 'PlatformKey' });
/** What the bidder downloads and keeps: the receipt and the key that signed it, checkable offline. */
export const ReceiptFile = z.object({ receipt: Receipt, platformKey: PlatformKey }).meta({ id: 'ReceiptFile' });

export const BidVersion = z
  .object({ version: z.number().int(), kind: z.enum(['submit', 'confirm', 'withdraw']), confirms: z.number().int().nullable(), sha256: z.string().nullable(), size: z.number().int(), receivedAt: Timestamp, receipt: Receipt })
  .meta({ id: 'BidVersion' });

export const MyBid = z
  .object({
    id: Uuid,
    tenderId: Uuid,
    status: z.enum(['active', 'withdrawn']),
    version: z.number().int(),
    /** A material amendment came after this bid was sealed: confirm it or replace it before the deadline. */
    needsConfirmation: z.boolean(),
    versions: z.array(BidVersion),
  })
  .meta({ id: 'MyBid' });
export const SubmitResult = z.object({ bid: MyBid, receipt: ReceiptFile }).meta({ id: 'BidSubmitResult' });

export const OpeningRecordBid = z.object({
  bidderOrgId: Uuid,
  bidderName: z.string(),
  outcome: z.enum(['opened', 'withdrawn', 'revoked', 'unconfirmed']),
  version: z.number().int(),
  receivedAt: Timestamp.nullable(),
  total: z.string().nullable(),
  lots: z.array(z.object({ lotKey: z.string(), total: z.string() })),
  statement: z.string().nullable(),
  documents: z.array(z.object({ name: z.string(), sha256: z.string() })),
});
export const OpeningRecord = z
  .object({
    envelope: z.enum(ENVELOPES),
    status: z.enum(['waiting', 'opened', 'failed', 'postponed']),
    openedAt: Timestamp.nullable(),
    validBids: z.number().int(),
    minValidBids: z.number().int(),
    bids: z.array(OpeningRecordBid),
    note: z.string().nullable(),
  })
  .meta({ id: 'OpeningRecord' });

/** The supplier's view of a tender: what it publishes, its own invitation and bid, and the opening record once it bid. */
export const MarketTender = TenderPublic.extend({
  invited: z.boolean(),
  registered: z.boolean(),
  /** Why this organization may not bid, if it may not (not invited, blacklisted…). */
  barredReason: LocalizedText.nullable(),
  myBid: MyBid.nullable(),
  openingRecords: z.array(OpeningRecord),
  link: z.object({ opportunityId: Uuid, opportunityTitle: z.string() }).nullable(),
}).meta({ id: 'MarketTender' });
export { TenderSummary };
export const VersionParams = z.object({ id: Uuid, version: z.coerce.number().int().min(1).max(100_000) });
