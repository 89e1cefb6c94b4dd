import { z } from 'zod';
import { LOT_AWARD_STATUSES, EVALUATION_PHASES } from '../../domain/buy/evaluation';
import { LocalizedText, Timestamp, Uuid } from '../shared/http';

export const PublishCandidatesBody = z.object({ days: z.number().int().min(0).max(30) }).strict();
export const LotParams = z.object({ id: Uuid, lotKey: z.string().min(1).max(40) });
export const ObjectionParams = z.object({ id: Uuid, objectionId: Uuid });
export const AwardBody = z.object({ tieChoice: Uuid.optional() }).strict();
export const OutBody = z.object({ bidId: Uuid, reason: z.string().trim().min(1, 'is required').max(2000) }).strict();
export const RetenderBody = z.object({ reason: z.string().trim().min(1, 'is required').max(2000) }).strict();
export const ObjectionBody = z.object({ grounds: z.string().trim().min(10, 'state the grounds (at least 10 characters)').max(8000) }).strict();
export const AnswerBody = z.object({ answer: z.string().trim().min(1, 'is required').max(8000) }).strict();

const Candidate = z.object({ bidId: Uuid, bidderOrgId: Uuid, bidder: z.string(), rank: z.number().int(), total: z.string().nullable(), price: z.string() });
const Objection = z.object({ id: Uuid, objector: z.string(), grounds: z.string(), filedAt: Timestamp, answer: z.string().nullable(), answeredAt: Timestamp.nullable() });
const Savings = z.object({ currency: z.string(), budget: z.string(), awarded: z.string(), amount: z.string(), percent: z.string() });

export const AwardState = z
  .object({
    tenderId: Uuid,
    number: z.string(),
    title: z.string(),
    regime: z.string(),
    currency: z.string(),
    estimatedValue: z.string(),
    phase: z.enum(EVALUATION_PHASES),
    serverTime: Timestamp,
    minPublicationDays: z.number().int(),
    lots: z.array(
      z.object({
        lotKey: z.string(),
        name: z.string(),
        status: z.enum(LOT_AWARD_STATUSES),
        candidates: z.array(Candidate),
        tiedAtCut: z.array(Uuid),
        out: z.array(z.object({ bidId: Uuid, bidder: z.string(), reason: z.string(), at: Timestamp })),
        publishedAt: Timestamp.nullable(),
        objectionUntil: Timestamp.nullable(),
        award: z.object({ bidId: Uuid, bidder: z.string(), amount: z.string(), awardedAt: Timestamp, rank: z.number().int() }).nullable(),
        contract: z.object({ id: Uuid, number: z.string(), amount: z.string(), status: z.string() }).nullable(),
        /** What awarding now would do: award to a candidate, wait for the committee's choice on a tie, or re-tender. */
        next: z.object({ kind: z.enum(['award', 'tie', 'retender', 'none']), bidIds: z.array(Uuid) }),
        blockedBy: LocalizedText.nullable(),
      }),
    ),
    objections: z.array(Objection),
    savings: Savings.nullable(),
    negotiation: z.object({ allowed: z.boolean(), reason: LocalizedText.nullable() }),
  })
  .meta({ id: 'AwardState' });

export const SupplierResult = z
  .object({
    tenderId: Uuid,
    candidates: z.array(z.object({ lotKey: z.string(), name: z.string(), publishedAt: Timestamp, objectionUntil: Timestamp.nullable(), status: z.enum(LOT_AWARD_STATUSES), candidates: z.array(z.object({ bidder: z.string(), rank: z.number().int(), price: z.string() })) })),
    results: z.array(
      z.object({
        lotKey: z.string(),
        outcome: z.enum(['awarded', 'not_awarded']),
        issuedAt: Timestamp,
        screening: z.object({ passed: z.boolean(), failed: z.array(z.object({ key: z.string(), text: z.string(), reason: z.string() })) }),
        mine: z.object({ price: z.string().nullable(), total: z.string().nullable(), rank: z.number().int().nullable(), criteria: z.array(z.object({ key: z.string(), name: z.string(), score: z.string() })) }),
        winner: z.object({ name: z.string(), price: z.string() }),
      }),
    ),
    objections: z.array(Objection),
    canObject: z.boolean(),
  })
  .meta({ id: 'SupplierResult' });

export const SavingsSummary = z.object({ items: z.array(Savings.extend({ tenders: z.number().int() })) }).meta({ id: 'SavingsSummary' });
