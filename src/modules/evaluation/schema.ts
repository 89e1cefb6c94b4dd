import { z } from 'zod';
import { EVALUATION_PHASES, MEMBER_STATUSES } from '../../domain/buy/evaluation';
import { CRITERION_PARTS, EVALUATION_METHODS, REGIMES } from '../../domain/buy/tender';
import { ROUNDING_STAGES } from '../../domain/buy/scoring';
import { LocalizedText, Timestamp, Uuid } from '../shared/http';

export const CommitteeBody = z
  .object({
    staff: z.array(z.object({ userId: Uuid, chair: z.boolean().optional() }).strict()).max(20),
    /** A larger minimum than the regime's (e.g. 7 for large government purchases). */
    minMembers: z.number().int().min(0).max(25).optional(),
  })
  .strict();
export const DrawBody = z.object({ field: z.string().trim().min(1, 'is required').max(60), count: z.number().int().min(1).max(20) }).strict();
export const ReplaceBody = z
  .object({ reason: z.string().trim().min(1, 'is required').max(2000), userId: Uuid.optional(), field: z.string().trim().max(60).optional() })
  .strict();
export const MemberParams = z.object({ id: Uuid, memberId: Uuid });
export const BidParams = z.object({ id: Uuid, bidId: Uuid });
export const DeclarationBody = z
  .object({ declarations: z.array(z.object({ bidderOrgId: Uuid, conflict: z.boolean() }).strict()).max(2000), note: z.string().max(2000).optional() })
  .strict();
export const ScreeningBody = z
  .object({ results: z.array(z.object({ bidId: Uuid, requirementKey: z.string().min(1).max(40), passed: z.boolean(), reason: z.string().max(2000).default('') }).strict()).min(1).max(5000) })
  .strict();
export const SheetBody = z.object({ scores: z.record(z.string().max(40), z.string().max(12)), remarks: z.string().max(4000).optional() }).strict();
export const SignBody = z.object({ dissent: z.string().max(8000).optional() }).strict();
export const ReportQuery = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

const Criterion = z.object({ key: z.string(), part: z.enum(CRITERION_PARTS), name: z.string(), weight: z.number(), maxScore: z.number() });
const Candidate = z.object({ bidId: Uuid, bidder: z.string(), rank: z.number().int(), total: z.string().nullable(), price: z.string() });

export const EvaluationState = z
  .object({
    tenderId: Uuid,
    number: z.string(),
    title: z.string(),
    buyerName: z.string(),
    regime: z.enum(REGIMES),
    category: z.string(),
    currency: z.string(),
    envelopes: z.enum(['one', 'two']),
    method: z.enum(EVALUATION_METHODS),
    criteria: z.array(Criterion),
    requirements: z.array(z.object({ key: z.string(), text: z.string() })),
    lots: z.array(z.object({ key: z.string(), name: z.string() })),
    rounding: z.object({ stage: z.enum(ROUNDING_STAGES), decimals: z.number().int() }),
    freezeHash: z.string().nullable(),
    phase: z.enum(EVALUATION_PHASES),
    minMembers: z.number().int(),
    /** More experts to draw for a lawful committee with the members there are (0 outside the legal regimes). */
    expertsToDraw: z.number().int(),
    composition: z.array(LocalizedText),
    members: z.array(
      z.object({
        id: Uuid,
        userId: Uuid,
        name: z.string(),
        /** Shown to the buyer's staff only. */
        email: z.string().nullable(),
        kind: z.enum(['buyer', 'expert']),
        chair: z.boolean(),
        source: z.enum(['appointed', 'drawn']),
        field: z.string().nullable(),
        status: z.enum(MEMBER_STATUSES),
        declared: z.boolean(),
        sheetsSubmitted: z.boolean(),
        signed: z.boolean(),
        dissent: z.string().nullable(),
        replacedReason: z.string().nullable(),
      }),
    ),
    /** The draw log: enough to replay each draw (domain/buy/committee.ts replayDraw), with the pool as it was. */
    draws: z.array(
      z.object({
        field: z.string(),
        count: z.number().int(),
        seed: z.string(),
        candidates: z.array(Uuid),
        exclude: z.array(Uuid),
        drawn: z.array(Uuid),
        pool: z.array(z.object({ id: Uuid, fields: z.array(z.string()) })),
        at: z.string(),
        replaces: Uuid.nullable(),
      }),
    ),
    bidders: z.array(z.object({ orgId: Uuid, name: z.string() })),
    me: z
      .object({ memberId: Uuid, chair: z.boolean(), kind: z.enum(['buyer', 'expert']), declared: z.boolean(), sheetsSubmitted: z.boolean(), signed: z.boolean(), dissent: z.string().nullable() })
      .nullable(),
    canManage: z.boolean(),
    progress: z.object({ declared: z.number().int(), active: z.number().int(), screeningMissing: z.number().int(), sheetsSubmitted: z.number().int(), signed: z.number().int() }),
    results: z.array(z.object({ lotKey: z.string(), name: z.string(), candidates: z.array(Candidate), tiedAtCut: z.array(Uuid) })).nullable(),
    reportSha256: z.string().nullable(),
    convenedAt: Timestamp.nullable(),
    finalAt: Timestamp.nullable(),
  })
  .meta({ id: 'EvaluationState' });

export const DeclarationResult = z.object({ conflicted: z.boolean(), state: EvaluationState.nullable() }).meta({ id: 'DeclarationResult' });

export const MyEvaluations = z
  .object({
    items: z.array(
      z.object({ tenderId: Uuid, number: z.string(), title: z.string(), buyerName: z.string(), phase: z.enum(EVALUATION_PHASES), kind: z.enum(['buyer', 'expert']), chair: z.boolean(), declared: z.boolean(), sheetsSubmitted: z.boolean(), signed: z.boolean() }),
    ),
  })
  .meta({ id: 'MyEvaluations' });

const PriceLine = z.object({ lotId: z.string(), itemId: z.string(), unitPrice: z.string(), quantity: z.string() });
export const EvaluationBids = z
  .object({
    items: z.array(
      z.object({
        bidId: Uuid,
        bidderOrgId: Uuid,
        bidderName: z.string(),
        statement: z.string(),
        documents: z.array(z.object({ name: z.string(), mediaType: z.string(), sha256: z.string() })),
        pricesOpened: z.boolean(),
        prices: z.array(PriceLine),
        total: z.string().nullable(),
        lotTotals: z.array(z.object({ lotKey: z.string(), total: z.string() })),
        missing: z.array(z.string()),
        screening: z.array(z.object({ requirementKey: z.string(), passed: z.boolean(), reason: z.string(), decidedAt: Timestamp })),
      }),
    ),
  })
  .meta({ id: 'EvaluationBids' });

export const Sheets = z
  .object({
    criteria: z.array(Criterion),
    criteriaHash: z.string().nullable(),
    othersVisible: z.boolean(),
    bids: z.array(z.object({ bidId: Uuid, bidderName: z.string() })),
    items: z.array(z.object({ userId: Uuid, memberName: z.string(), mine: z.boolean(), submitted: z.boolean(), bidId: Uuid, scores: z.record(z.string(), z.string()), remarks: z.string(), savedAt: Timestamp })),
  })
  .meta({ id: 'ScoreSheets' });

const Compliance = z.object({ passed: z.boolean(), failed: z.array(z.object({ key: z.string(), text: z.string(), reason: z.string() })) });
export const ReportContent = z
  .object({
    format: z.literal('procura-evaluation-report/1'),
    tender: z.object({ id: Uuid, number: z.string(), title: z.string(), regime: z.string(), method: z.string(), category: z.string(), currency: z.string(), buyer: z.string() }),
    method: z.enum(EVALUATION_METHODS),
    rounding: z.object({ stage: z.enum(ROUNDING_STAGES), decimals: z.number().int() }),
    criteriaHash: z.string(),
    criteria: z.array(Criterion),
    requirements: z.array(z.object({ key: z.string(), text: z.string() })),
    committee: z.array(z.object({ userId: Uuid, name: z.string(), kind: z.string(), chair: z.boolean() })),
    bids: z.array(z.object({ bidId: Uuid, bidder: z.string(), compliance: Compliance })),
    lots: z.array(
      z.object({
        lotKey: z.string(),
        name: z.string(),
        basePrice: z.string().nullable(),
        ranking: z.array(
          z.object({
            bidId: Uuid,
            bidder: z.string(),
            price: z.string(),
            total: z.string().nullable(),
            rank: z.number().int().nullable(),
            /** Each criterion's mean, and each member's points in the order of `committee`. */
            criteria: z.array(z.object({ key: z.string(), score: z.string(), members: z.array(z.string()) })),
          }),
        ),
        candidates: z.array(z.object({ rank: z.number().int(), bidId: Uuid, bidder: z.string(), price: z.string(), total: z.string().nullable() })),
        tiedAtCut: z.array(Uuid),
      }),
    ),
    generatedAt: Timestamp,
  })
  .meta({ id: 'ReportContent' });

export const EvaluationReport = z
  .object({
    report: ReportContent,
    sha256: z.string(),
    final: z.boolean(),
    signatures: z.array(z.object({ userId: Uuid, name: z.string(), signedAt: Timestamp.nullable(), dissent: z.string().nullable() })),
  })
  .meta({ id: 'EvaluationReport' });

const Cell = z.object({ bidId: Uuid, unitPrice: z.string().nullable(), lineTotal: z.string().nullable(), quantity: z.string().nullable(), flag: z.enum(['missing', 'short', 'over', 'duplicate']).nullable(), best: z.boolean() });
const TotalCell = z.object({ bidId: Uuid, total: z.string().nullable(), complete: z.boolean(), best: z.boolean() });
export const ComparisonTable = z
  .object({
    currency: z.string(),
    phase: z.enum(EVALUATION_PHASES),
    scoresVisible: z.boolean(),
    bids: z.array(z.object({ bidId: Uuid, bidder: z.string(), compliant: z.boolean().nullable() })),
    criteria: z.array(z.object({ key: z.string(), name: z.string(), part: z.enum(CRITERION_PARTS), weight: z.number(), maxScore: z.number(), cells: z.array(z.object({ bidId: Uuid, score: z.string().nullable(), best: z.boolean() })) })),
    ranking: z.array(z.object({ lotKey: z.string(), name: z.string(), cells: z.array(z.object({ bidId: Uuid, total: z.string().nullable(), rank: z.number().int().nullable(), best: z.boolean() })) })),
    prices: z
      .object({
        currency: z.string(),
        rows: z.array(z.object({ lotId: z.string(), itemId: z.string(), name: z.string(), quantity: z.string(), unit: z.string(), cells: z.array(Cell) })),
        lots: z.array(z.object({ lotId: z.string(), name: z.string(), cells: z.array(TotalCell) })),
        totals: z.array(TotalCell),
      })
      .nullable(),
    remarks: z.array(z.object({ bidId: Uuid, items: z.array(z.object({ member: z.string(), text: z.string() })) })),
  })
  .meta({ id: 'ComparisonTable' });
