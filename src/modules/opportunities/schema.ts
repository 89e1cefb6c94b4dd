import { z } from 'zod';
import { BUYING_ROLES, ATTITUDES, FACT_KINDS, OPPORTUNITY_SOURCES, OUTCOMES, INDUSTRIES } from '../../domain/labels';
import { RISK_CODES } from '../../domain/risks';
import { EVIDENCE_KINDS } from '../../domain/evidence';
import { Cursor, DateOnly, Limit, LocalizedText, Message, Timestamp, Uuid, csv } from '../shared/http';
import { CompetitorPosition } from '../competitors/schema';

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY');
const money = z.number().min(0, 'must not be negative').max(1e15, 'is too large');
export const RiskCode = z.enum(RISK_CODES);

export const OpportunityCreate = z
  .object({
    accountId: Uuid,
    title: z.string().trim().min(1, 'is required').max(200),
    product: z.string().trim().max(200).nullable().optional(),
    value: money.default(0),
    currency: Currency.default('CNY'),
    processModel: z.string().min(1).max(80).optional(),
    ownerId: Uuid.optional(),
    expectedDecisionDate: DateOnly.nullable().optional(),
    source: z.enum(OPPORTUNITY_SOURCES).nullable().optional(),
    stage: z.string().min(1).max(80).optional(),
  })
  .strict();

export const OpportunityPatch = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200),
    product: z.string().trim().max(200).nullable(),
    value: money,
    currency: Currency,
    ownerId: Uuid,
    expectedDecisionDate: DateOnly.nullable(),
    source: z.enum(OPPORTUNITY_SOURCES).nullable(),
  })
  .partial()
  .strict();

/** Move the stage by hand. A move backwards needs a reason. */
export const StageMoveBody = z
  .object({ stage: z.string().min(1).max(80), reason: z.string().trim().max(2000).optional() })
  .strict();

/** Close (won, lost, abandoned) or reopen. */
export const OutcomeBody = z
  .object({
    outcome: z.enum(OUTCOMES),
    lostReason: z.string().trim().max(2000).nullable().optional(),
    winningCompetitorId: Uuid.nullable().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.outcome === 'lost' && !b.lostReason) ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'is required when the outcome is lost' });
  });

export const FactInput = z
  .object({
    kind: z.enum(FACT_KINDS),
    value: z.string().trim().min(1, 'is required').max(2000),
    sourceContactIds: z.array(Uuid).max(20).default([]),
    verified: z.boolean().default(false),
  })
  .strict();

export const Fact = z
  .object({ kind: z.enum(FACT_KINDS), value: z.string(), sourceContactIds: z.array(Uuid), verified: z.boolean(), updatedAt: Timestamp })
  .meta({ id: 'KeyFact' });

export const Risk = z
  .object({ code: RiskCode, severity: z.enum(['high', 'medium', 'low']), title: LocalizedText, message: Message })
  .meta({ id: 'Risk' });

export const OpportunitySummary = z
  .object({
    id: Uuid,
    title: z.string(),
    accountId: Uuid,
    accountName: z.string(),
    industry: z.enum(INDUSTRIES),
    product: z.string().nullable(),
    value: z.number(),
    currency: z.string(),
    processModel: z.string(),
    ownerId: Uuid,
    ownerName: z.string(),
    expectedDecisionDate: DateOnly.nullable(),
    source: z.string().nullable(),
    stage: z.string(),
    stageSet: z.string().nullable(),
    stageInferred: z.string(),
    inferenceConfidence: z.number(),
    /** Set and inferred stage differ. */
    stageMismatch: z.boolean(),
    stageEnteredAt: Timestamp,
    daysInStage: z.number().int(),
    outcome: z.enum(OUTCOMES),
    riskCodes: z.array(RiskCode),
    lastInteractionAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'OpportunitySummary' });

export const EvidenceKindEnum = z.enum(EVIDENCE_KINDS).meta({ id: 'EvidenceKind', description: 'How the evidence is known: a document, a public record, seen by us, or said by a contact.' });

export const EvidenceRef = z
  .object({
    id: Uuid,
    type: z.string(),
    label: LocalizedText,
    kind: EvidenceKindEnum,
    kindLabel: LocalizedText,
    sourceContactId: Uuid.nullable(),
    sourceContactName: z.string().nullable(),
    verified: z.boolean(),
    occurredAt: Timestamp,
  })
  .meta({ id: 'EvidenceRef' });

export const Inference = z
  .object({
    stageKey: z.string(),
    confidence: z.number(),
    evidence: z.array(EvidenceRef),
    independentContacts: z.number().int(),
    /** Supporting pieces per kind. */
    kinds: z.partialRecord(EvidenceKindEnum, z.number().int()),
    /** The firmest kind among them. */
    strength: z.enum(['documented', 'observed', 'stated']).nullable(),
    stepBack: z.object({ evidenceId: Uuid, type: z.string(), toStageKey: z.string(), at: Timestamp }).nullable(),
    summary: Message,
    comparison: z.object({ status: z.enum(['agree', 'set_ahead', 'set_behind', 'no_set']), message: Message }),
  })
  .meta({ id: 'Inference' });

export const Suggestion = z
  .object({ key: z.string(), title: LocalizedText, reason: Message, priority: z.number().int() })
  .meta({ id: 'Suggestion' });

export const BuyingCenterMember = z
  .object({
    contactId: Uuid,
    name: z.string(),
    title: z.string().nullable(),
    buyingRoles: z.array(z.enum(BUYING_ROLES)),
    isCoach: z.boolean(),
    attitude: z.enum(ATTITUDES),
    influence: z.number().int(),
    interactions: z.number().int(),
    /** Took part in at least one interaction of this opportunity (else only known). */
    engaged: z.boolean(),
    lastContactAt: Timestamp.nullable(),
  })
  .meta({ id: 'BuyingCenterMember' });

export const StageDefOut = z
  .object({ key: z.string(), name: LocalizedText, backbone: z.string(), evidenceTypes: z.array(z.string()) })
  .meta({ id: 'Stage' });

export const OpportunityDetail = OpportunitySummary.extend({
  lostReason: z.string().nullable(),
  winningCompetitorId: Uuid.nullable(),
  closedAt: Timestamp.nullable(),
  stages: z.array(StageDefOut),
  inference: Inference,
  risks: z.array(Risk),
  /** Checks waiting for more data before they judge, said in words. */
  risksPending: z.array(Message),
  /** The stage the first interaction revealed, and when it happened. */
  firstContact: z.object({ stageKey: z.string(), at: Timestamp }).nullable(),
  suggestions: z.array(Suggestion),
  facts: z.array(Fact),
  buyingCenter: z.object({
    members: z.array(BuyingCenterMember),
    missingRoles: z.array(z.enum(BUYING_ROLES)),
    /** The roles the current stage needs: engaged (met), not_met (known only) or unknown. */
    neededRoles: z.array(z.object({ role: z.enum(BUYING_ROLES), status: z.enum(['engaged', 'not_met', 'unknown']) })),
    hasCoach: z.boolean(),
  }),
  competitors: z.array(CompetitorPosition),
}).meta({ id: 'OpportunityDetail' });

export const OpportunityListQuery = z
  .object({
    processModel: z.string().max(80).optional(),
    stage: csv(z.string().max(80)).optional(),
    outcome: csv(z.enum(OUTCOMES)).optional(),
    ownerId: csv(Uuid).optional(),
    accountId: Uuid.optional(),
    industry: csv(z.enum(INDUSTRIES)).optional(),
    risk: csv(RiskCode).optional(),
    minValue: z.coerce.number().min(0).optional(),
    maxValue: z.coerce.number().min(0).optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(['updatedAt', 'value', 'expectedDecisionDate', 'stageEnteredAt', 'title']).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();

export const BoardQuery = z
  .object({
    processModel: z.string().max(80).optional(),
    ownerId: csv(Uuid).optional(),
    industry: csv(z.enum(INDUSTRIES)).optional(),
    risk: csv(RiskCode).optional(),
    minValue: z.coerce.number().min(0).optional(),
    maxValue: z.coerce.number().min(0).optional(),
    perStage: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const Board = z
  .object({
    processModel: z.string(),
    columns: z.array(
      z.object({ stage: StageDefOut, count: z.number().int(), totalValue: z.number(), items: z.array(OpportunitySummary) }),
    ),
  })
  .meta({ id: 'Board' });

export const StageMove = z
  .object({
    id: Uuid,
    kind: z.enum(['set', 'inferred']),
    fromStage: z.string().nullable(),
    toStage: z.string(),
    direction: z.enum(['forward', 'back', 'same']),
    reason: z.string().nullable(),
    evidenceIds: z.array(Uuid),
    actorId: Uuid.nullable(),
    actorName: z.string().nullable(),
    at: Timestamp,
  })
  .meta({ id: 'StageMove' });

export const TimelineEntry = z
  .object({
    id: z.string(),
    at: Timestamp,
    action: z.string(),
    entityType: z.string(),
    entityId: Uuid,
    opportunityId: Uuid.nullable(),
    actorId: Uuid.nullable(),
    actorName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });

export const TimelineQuery = z.object({ limit: Limit, cursor: Cursor }).strict();
