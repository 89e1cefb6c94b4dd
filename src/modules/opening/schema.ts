import { z } from 'zod';
import { ENVELOPES } from '../../domain/sealing/tender-key';
import { LocalizedText, Timestamp, Uuid } from '../shared/http';
import { OpeningRecord } from '../bids/schema';
import { TENDER_STATUSES } from '../../domain/buy/tender-status';

export const ShareBody = z.object({ envelope: z.enum(ENVELOPES), share: z.string().min(1, 'is required').max(200) }).strict();
export const PostponeBody = z.object({ reason: z.string().trim().min(1, 'is required').max(4000), openingAt: Timestamp }).strict();

const SealedBox = z.object({ ephemeralPublicKey: z.string(), nonce: z.string(), ciphertext: z.string() });
export const OpeningState = z
  .object({
    tenderId: Uuid,
    status: z.enum(TENDER_STATUSES),
    envelope: z.enum(ENVELOPES),
    threshold: z.number().int(),
    openingAt: Timestamp,
    serverTime: Timestamp,
    /** The signed-in user is a key holder who may hand over now. */
    canHandOver: z.boolean(),
    waitingReason: LocalizedText.nullable(),
    holders: z.array(z.object({ userId: Uuid, name: z.string(), handedOver: z.boolean(), submittedAt: Timestamp.nullable() })),
    /** The opening key with every holder's sealed share: each holder opens their own in the browser. */
    key: z
      .object({ format: z.string(), tenderId: Uuid, envelope: z.enum(ENVELOPES), publicKey: z.string(), fingerprint: z.string(), threshold: z.number().int(), shares: z.array(z.object({ holderUserId: Uuid, box: SealedBox })) })
      .nullable(),
    validBids: z.number().int().nullable(),
    /** At least k shares were handed over and no k of them rebuild the published key: one is wrong; the opening waits for another holder. */
    keyMismatch: z.boolean(),
    records: z.array(OpeningRecord),
  })
  .meta({ id: 'OpeningState' });

export const OpenedBid = z
  .object({
    bidId: Uuid,
    bidderOrgId: Uuid,
    bidderName: z.string(),
    envelope: z.enum(ENVELOPES),
    version: z.number().int(),
    outcome: z.enum(['opened', 'withdrawn', 'revoked', 'unconfirmed']),
    total: z.string().nullable(),
    prices: z.array(z.object({ lotId: z.string(), itemId: z.string(), unitPrice: z.string(), quantity: z.string() })),
    statement: z.string().nullable(),
    documents: z.array(z.object({ name: z.string(), mediaType: z.string(), sha256: z.string(), size: z.number().int() })),
  })
  .meta({ id: 'OpenedBid' });
