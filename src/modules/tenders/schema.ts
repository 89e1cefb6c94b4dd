import { z } from 'zod';
import { CATEGORIES, CRITERION_PARTS, ENVELOPE_MODES, EVALUATION_METHODS, REGIMES, TENDER_METHODS } from '../../domain/buy/tender';
import { TENDER_STATUSES } from '../../domain/buy/tender-status';
import { ENVELOPES } from '../../domain/sealing/tender-key';
import { Cursor, Limit, LocalizedText, Timestamp, Uuid, csv, patchOf } from '../shared/http';
import { FileMeta, FileUpload } from '../shared/files';
import { Currency } from '../opportunities/schema';
import { Money, Quantity } from '../requisitions/schema';

const Key = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, . _ or -');
const name = z.string().trim().min(1, 'is required').max(200);

export const TenderItemInput = z.object({ key: Key.optional(), name, specification: z.string().trim().max(4000).default(''), quantity: Quantity, unit: z.string().trim().min(1, 'is required').max(40) }).strict();
export const TenderLotInput = z.object({ key: Key.optional(), name, items: z.array(TenderItemInput).min(1, 'is required').max(500) }).strict();
export const RequirementInput = z.object({ key: Key.optional(), text: z.string().trim().min(1, 'is required').max(2000) }).strict();
export const CriterionInput = z
  .object({
    key: Key.optional(),
    part: z.enum(CRITERION_PARTS),
    name,
    weight: z.number().gt(0, 'must be more than 0').max(100, 'must be at most 100'),
    maxScore: z.number().gt(0, 'must be more than 0').max(1000, 'must be at most 1000'),
  })
  .strict();

export const TimelineInput = z
  .object({ publishAt: Timestamp.nullable().optional(), questionsUntil: Timestamp, deadline: Timestamp, openingAt: Timestamp })
  .strict();

export const TenderInput = z
  .object({
    projectId: Uuid,
    title: name,
    regime: z.enum(REGIMES),
    method: z.enum(TENDER_METHODS),
    category: z.enum(CATEGORIES),
    currency: Currency.default('CNY'),
    estimatedValue: Money,
    bidBond: Money.default('0'),
    lots: z.array(TenderLotInput).min(1, 'is required').max(50),
    qualification: z.array(RequirementInput).max(50).default([]),
    evaluation: z.object({ method: z.enum(EVALUATION_METHODS), criteria: z.array(CriterionInput).max(30).default([]) }).strict(),
    envelopes: z.enum(ENVELOPE_MODES).default('one'),
    timeline: TimelineInput,
    minValidBids: z.number().int().min(1, 'must be 1 to 50').max(50, 'must be 1 to 50').default(3),
    showBidCount: z.boolean().default(true),
    amendmentMinDays: z.number().int().min(0).max(60).default(3),
    keyThreshold: z.number().int().min(2, 'must be 2 or more').max(16).default(2),
    keyHolderIds: z.array(Uuid).max(16).default([]),
  })
  .strict();
export const TenderCreate = TenderInput;
export const TenderPatch = patchOf(TenderInput.omit({ projectId: true }));

const Item = z.object({ key: z.string(), name: z.string(), specification: z.string(), quantity: z.string(), unit: z.string() });
const Lot = z.object({ key: z.string(), name: z.string(), items: z.array(Item) }).meta({ id: 'TenderLot' });
const Requirement = z.object({ key: z.string(), text: z.string() });
const Criterion = z.object({ key: z.string(), part: z.enum(CRITERION_PARTS), name: z.string(), weight: z.number(), maxScore: z.number() });
const Timeline = z.object({ publishAt: Timestamp.nullable(), questionsUntil: Timestamp, deadline: Timestamp, openingAt: Timestamp });
export const Issue = z.object({ path: z.string(), message: LocalizedText }).meta({ id: 'TenderIssue' });

export const TenderKeyPublic = z
  .object({ envelope: z.enum(ENVELOPES), publicKey: z.string(), fingerprint: z.string(), threshold: z.number().int(), holderUserIds: z.array(Uuid), secretPublished: z.boolean() })
  .meta({ id: 'TenderKeyPublic' });
export const Clarification = z.object({ id: Uuid, question: z.string(), answer: z.string(), publishedAt: Timestamp }).meta({ id: 'Clarification' });
export const Amendment = z
  .object({ id: Uuid, reason: z.string(), material: z.boolean(), changes: z.record(z.string(), z.unknown()), oldDeadline: Timestamp, newDeadline: Timestamp, freezeHash: z.string(), at: Timestamp })
  .meta({ id: 'Amendment' });
export const TenderDocument = FileMeta.extend({ amendmentId: Uuid.nullable(), createdAt: Timestamp }).meta({ id: 'TenderDocument' });

/** What a tender publishes: the same for the buyer and every supplier that may see it. */
export const TenderPublic = z
  .object({
    id: Uuid,
    buyerOrgId: Uuid,
    buyerName: z.string(),
    number: z.string(),
    title: z.string(),
    regime: z.enum(REGIMES),
    method: z.enum(TENDER_METHODS),
    category: z.enum(CATEGORIES),
    currency: z.string(),
    estimatedValue: z.string(),
    bidBond: z.string(),
    lots: z.array(Lot),
    qualification: z.array(Requirement),
    evaluation: z.object({ method: z.enum(EVALUATION_METHODS), criteria: z.array(Criterion) }),
    envelopes: z.enum(ENVELOPE_MODES),
    timeline: Timeline,
    minValidBids: z.number().int(),
    /** The stored status moved on by the server clock (published → questions closed → bidding closed). */
    status: z.enum(TENDER_STATUSES),
    statusLabel: LocalizedText,
    freezeHash: z.string().nullable(),
    publishedAt: Timestamp.nullable(),
    cancelledReason: z.string().nullable(),
    keys: z.array(TenderKeyPublic),
    documents: z.array(TenderDocument),
    clarifications: z.array(Clarification),
    amendments: z.array(Amendment),
    serverTime: Timestamp,
  })
  .meta({ id: 'TenderPublic' });

export const TenderQuestion = z
  .object({ id: Uuid, question: z.string(), askedAt: Timestamp, answered: z.boolean(), clarificationId: Uuid.nullable() })
  .meta({ id: 'TenderQuestion' });
export const Download = z.object({ supplierOrgId: Uuid, supplierName: z.string(), documentId: Uuid, documentName: z.string(), at: Timestamp }).meta({ id: 'TenderDownload' });

/** The buyer's view: everything it set, what it may see before the opening (bid count where allowed, downloads), and the problems that keep it from publishing. */
export const Tender = TenderPublic.extend({
  projectId: Uuid,
  projectTitle: z.string(),
  showBidCount: z.boolean(),
  amendmentMinDays: z.number().int(),
  keyThreshold: z.number().int(),
  keyHolders: z.array(z.object({ userId: Uuid, name: z.string(), enrolled: z.boolean() })),
  invitations: z.array(z.object({ supplierId: Uuid, supplierOrgId: Uuid, name: z.string(), invitedAt: Timestamp })),
  /** Active bids before the opening, where the tender shows it; null otherwise. */
  bidCount: z.number().int().nullable(),
  downloads: z.array(Download),
  questions: z.array(TenderQuestion),
  problems: z.array(Issue),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'Tender' });

export const TenderSummary = z
  .object({
    id: Uuid,
    number: z.string(),
    title: z.string(),
    buyerOrgId: Uuid,
    buyerName: z.string(),
    projectId: Uuid.nullable(),
    regime: z.enum(REGIMES),
    method: z.enum(TENDER_METHODS),
    category: z.enum(CATEGORIES),
    currency: z.string(),
    estimatedValue: z.string(),
    status: z.enum(TENDER_STATUSES),
    statusLabel: LocalizedText,
    deadline: Timestamp,
    openingAt: Timestamp,
    publishedAt: Timestamp.nullable(),
    /** Supplier views: invited to it; its own bid's state. */
    invited: z.boolean(),
    myBid: z.enum(['none', 'active', 'withdrawn']),
  })
  .meta({ id: 'TenderSummary' });

export const TenderListQuery = z.object({ status: csv(z.enum(TENDER_STATUSES)).optional(), projectId: Uuid.optional(), limit: Limit, cursor: Cursor }).strict();
export const MarketListQuery = z.object({ status: csv(z.enum(TENDER_STATUSES)).optional(), view: z.enum(['all', 'invited', 'bid']).default('all'), limit: Limit, cursor: Cursor }).strict();

export const InvitationsBody = z.object({ supplierIds: z.array(Uuid).max(200) }).strict();

const SealedBox = z.object({ ephemeralPublicKey: z.string().max(100), nonce: z.string().max(100), ciphertext: z.string().max(1000) }).strict();
export const TenderKeyInput = z
  .object({
    format: z.literal('procura-tender-key/1'),
    tenderId: Uuid,
    envelope: z.enum(ENVELOPES),
    publicKey: z.string().max(100),
    fingerprint: z.string().max(100),
    threshold: z.number().int(),
    shares: z.array(z.object({ holderUserId: Uuid, box: SealedBox }).strict()).min(2).max(16),
  })
  .strict();
export const PublishBody = z.object({ keys: z.array(TenderKeyInput).min(1, 'is required').max(2) }).strict();

export const AmendmentBody = z
  .object({
    reason: z.string().trim().min(1, 'is required').max(4000),
    /** A change of what bidders price or are judged on (items, requirements, criteria, documents). */
    material: z.boolean(),
    deadline: Timestamp.optional(),
    lots: TenderInput.shape.lots.optional(),
    qualification: TenderInput.shape.qualification.optional(),
    evaluation: TenderInput.shape.evaluation.optional(),
    documents: z.array(FileUpload).max(5).default([]),
  })
  .strict();
export const CancelBody = z.object({ reason: z.string().trim().min(1, 'is required').max(4000) }).strict();
export const QuestionBody = z.object({ question: z.string().trim().min(1, 'is required').max(4000) }).strict();
export const AnswerBody = z.object({ answer: z.string().trim().min(1, 'is required').max(10_000), question: z.string().trim().min(1).max(4000).optional() }).strict();
export const DocumentParams = z.object({ id: Uuid, documentId: Uuid });
export const QuestionParams = z.object({ id: Uuid, questionId: Uuid });

export const KeyHolderEnrol = z
  .object({
    format: z.literal('procura-holder-key/1'),
    salt: z.string().max(100),
    scrypt: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() }).strict(),
    publicKey: z.string().max(100),
  })
  .strict();
export const KeyHolder = z
  .object({ userId: Uuid, name: z.string(), email: z.string(), enrolled: z.boolean(), record: KeyHolderEnrol.nullable() })
  .meta({ id: 'KeyHolder' });

export const AuditEntry = z
  .object({ seq: z.number().int(), at: Timestamp, actorId: Uuid.nullable(), actorName: z.string().nullable(), action: z.string(), subjectId: Uuid.nullable(), data: z.record(z.string(), z.unknown()), hash: z.string() })
  .meta({ id: 'AuditEntry' });

export { FileUpload };
