// Buy side, after the opening (issue 8): the expert pool, the evaluation and its
// committee, screening, score sheets, candidates and objections, awards, what
// each bidder is told, contract drafts.
//
// A committee member acts as a *user*: buyer staff in the buyer's organization,
// an expert in whichever organization they belong to. The rows stay the buyer's
// (tenant rule); `committee_role(tender)` (a SECURITY DEFINER function, see
// migration 0006) tells the policies what the signed-in user is on a tender's
// committee: 'declared' (active, declared no conflict: may see the bids),
// 'active' (not declared yet) or 'former' (conflicted or replaced: sees nothing
// of the bids). ARCHITECTURE.md "Records shared across organizations".
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgPolicy, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth';
import { suppliers } from './buy';
import { appRole, currentOrgSql, orgColumn, tenantPolicy, ts } from './tenant';
import { bids, tenders } from './tender';
import type { EvaluationPhase, LotAwardStatus, MemberStatus } from '../../domain/buy/evaluation';
import type { MemberKind } from '../../domain/buy/committee';

export const currentUserSql = sql`nullif(current_setting('app.user_id', true), '')::uuid`;
const declared = (col: string) => sql.raw(`committee_role(${col}) = 'declared'`);
/** The row's bid is a bid of the row's tender. */
const bidOfTender = (table: string) => sql.raw(`exists (select 1 from bid_openings o where o.bid_id = ${table}.bid_id and o.tender_id = ${table}.tender_id)`);
/** The row is filed under the tender's buyer. */
const underTendersBuyer = (table: string) => sql.raw(`exists (select 1 from tenders t where t.id = ${table}.tender_id and t.organization_id = ${table}.organization_id)`);

/** An expert in a buyer's pool: a Procura user, with fields, title and years. One person may be in several buyers' pools. */
export const experts = pgTable(
  'experts',
  {
    organizationId: orgColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    fields: text('fields').array().notNull(),
    title: text('title').notNull(),
    years: integer('years').notNull(),
    active: boolean('active').notNull().default(true),
    addedBy: uuid('added_by').references(() => user.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    tenantPolicy('experts'),
    pgPolicy('experts_self_read', { as: 'permissive', for: 'select', to: appRole, using: sql`user_id = ${currentUserSql}` }),
  ],
);

/** One tender's evaluation: its phase, the draws, the result and the report. */
export const evaluations = pgTable(
  'evaluations',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .primaryKey()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    phase: text('phase').$type<EvaluationPhase>().notNull().default('committee'),
    /** A larger committee minimum than the regime's, where a rule asks for one. */
    minMembers: integer('min_members').notNull().default(0),
    /** Every expert draw, as logged before anyone saw who was drawn (domain/buy/committee.ts Draw). */
    draws: jsonb('draws').$type<Record<string, unknown>[]>().notNull().default(sql`'[]'::jsonb`),
    /** The bidders whose bids were opened (bid, organization, name): what members declare against. */
    bidders: jsonb('bidders').$type<{ bidId: string; orgId: string; name: string }[]>().notNull().default(sql`'[]'::jsonb`),
    /** Per bid, passed screening or not (with the failures), fixed when screening closes: what every later step reads. */
    compliance: jsonb('compliance').$type<Record<string, unknown>>(),
    /** The tender's frozen-criteria hash, checked when the committee was convened. */
    criteriaHash: text('criteria_hash'),
    /** Per lot: the domain evaluation and the shortlist (set when scoring closes, or prices open). */
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** The report's content as signed, and its SHA-256 (in the audit chain). */
    report: jsonb('report').$type<Record<string, unknown>>(),
    reportSha256: text('report_sha256'),
    convenedAt: ts('convened_at'),
    finalAt: ts('final_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    tenantPolicy('evaluations'),
    pgPolicy('evaluations_committee_read', { as: 'permissive', for: 'select', to: appRole, using: sql`committee_role(tender_id) in ('active', 'declared')` }),
    // The chair closes steps and the last signature makes the report final: a declared member moves the evaluation (the code says which member may).
    pgPolicy('evaluations_committee_update', { as: 'permissive', for: 'update', to: appRole, using: declared('tender_id'), withCheck: declared('tender_id') }),
  ],
);

export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    kind: text('kind').$type<MemberKind>().notNull(),
    chair: boolean('chair').notNull().default(false),
    /** appointed (buyer staff, or an expert named where the regime allows) | drawn */
    source: text('source').notNull(),
    field: text('field'),
    status: text('status').$type<MemberStatus>().notNull().default('active'),
    /** The declaration: each bidder named, conflict or not, with a note. */
    declaration: jsonb('declaration').$type<Record<string, unknown>>(),
    declaredAt: ts('declared_at'),
    replacedReason: text('replaced_reason'),
    replacedAt: ts('replaced_at'),
    sheetsSubmittedAt: ts('sheets_submitted_at'),
    signedAt: ts('signed_at'),
    dissent: text('dissent'),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [
    uniqueIndex('committee_members_tender_user_uq').on(t.tenderId, t.userId),
    index('committee_members_user_idx').on(t.userId),
    tenantPolicy('committee_members'),
    pgPolicy('committee_members_committee_read', { as: 'permissive', for: 'select', to: appRole, using: sql`user_id = ${currentUserSql} or committee_role(tender_id) in ('active', 'declared')` }),
    pgPolicy('committee_members_self_update', { as: 'permissive', for: 'update', to: appRole, using: sql`user_id = ${currentUserSql}`, withCheck: sql`user_id = ${currentUserSql}` }),
  ],
);

/** Screening (初步评审): per bid and published qualification requirement, pass or fail with a reason. */
export const screeningResults = pgTable(
  'screening_results',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    requirementKey: text('requirement_key').notNull(),
    passed: boolean('passed').notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').references(() => user.id),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.bidId, t.requirementKey] }),
    tenantPolicy('screening_results'),
    // Read, record, change — never delete (a decision stays on record).
    pgPolicy('screening_results_committee_read', { as: 'permissive', for: 'select', to: appRole, using: declared('tender_id') }),
    pgPolicy('screening_results_committee_write', { as: 'permissive', for: 'insert', to: appRole, withCheck: sql`${declared('tender_id')} and ${underTendersBuyer('screening_results')} and ${bidOfTender('screening_results')}` }),
    pgPolicy('screening_results_committee_update', { as: 'permissive', for: 'update', to: appRole, using: declared('tender_id'), withCheck: sql`${declared('tender_id')} and ${underTendersBuyer('screening_results')} and ${bidOfTender('screening_results')}` }),
  ],
);

/** A member's score sheet for one bid: points per criterion of the frozen set, and remarks (strengths and weaknesses). */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, string>>().notNull(),
    remarks: text('remarks').notNull().default(''),
    criteriaHash: text('criteria_hash').notNull(),
    savedAt: ts('saved_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.userId, t.bidId] }),
    tenantPolicy('score_sheets'),
    // A member reads their own sheets; the others' once theirs are submitted or scoring has closed (may_read_sheets, migration 0006).
    pgPolicy('score_sheets_committee_read', { as: 'permissive', for: 'select', to: appRole, using: sql`${declared('tender_id')} and (user_id = ${currentUserSql} or may_read_sheets(tender_id))` }),
    pgPolicy('score_sheets_member_write', { as: 'permissive', for: 'insert', to: appRole, withCheck: sql`user_id = ${currentUserSql} and ${declared('tender_id')} and ${underTendersBuyer('score_sheets')} and ${bidOfTender('score_sheets')}` }),
    pgPolicy('score_sheets_member_update', { as: 'permissive', for: 'update', to: appRole, using: sql`user_id = ${currentUserSql} and ${declared('tender_id')}`, withCheck: sql`user_id = ${currentUserSql} and ${declared('tender_id')} and ${underTendersBuyer('score_sheets')}` }),
  ],
);

/** Per lot: the candidates publication (公示), the award, and the candidates that went out. */
export const awardLots = pgTable(
  'award_lots',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    lotKey: text('lot_key').notNull(),
    status: text('status').$type<LotAwardStatus>().notNull().default('pending'),
    /** The recommended candidates in rank order: bid, bidder, name, rank, total, price. */
    candidates: jsonb('candidates').$type<Record<string, unknown>[]>().notNull(),
    /** Candidates out (declined, disqualified) with the reason. */
    out: jsonb('out').$type<Record<string, unknown>[]>().notNull().default(sql`'[]'::jsonb`),
    /** The committee's recorded choice where ranks tie at the top. */
    tieChoice: uuid('tie_choice'),
    publishedAt: ts('published_at'),
    objectionUntil: ts('objection_until'),
    awardBidId: uuid('award_bid_id'),
    awardBidderOrgId: uuid('award_bidder_org_id'),
    awardAmount: numeric('award_amount', { precision: 17, scale: 2 }),
    awardedAt: ts('awarded_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.lotKey] }),
    tenantPolicy('award_lots'),
    pgPolicy('award_lots_bidder_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`published_at is not null and exists (select 1 from bids b where b.tender_id = award_lots.tender_id and b.organization_id = ${currentOrgSql})`,
    }),
  ],
);

/** A bidder's objection to the candidates; it suspends the award until answered. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    objectorOrgId: uuid('objector_org_id')
      .notNull()
      .references(() => organization.id),
    grounds: text('grounds').notNull(),
    filedAt: ts('filed_at').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => user.id),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    index('objections_tender_idx').on(t.organizationId, t.tenderId, t.filedAt),
    tenantPolicy('objections'),
    pgPolicy('objections_objector_read', { as: 'permissive', for: 'select', to: appRole, using: sql`objector_org_id = ${currentOrgSql}` }),
    pgPolicy('objections_objector_write', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`objector_org_id = ${currentOrgSql} and answer is null and ${underTendersBuyer('objections')} and exists (select 1 from bids b where b.tender_id = objections.tender_id and b.organization_id = ${currentOrgSql})`,
    }),
  ],
);

/** What one bidder is told at the award (the award or the result notice): its own screening, scores and rank, the winner's name and price. */
export const bidResults = pgTable(
  'bid_results',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    bidderOrgId: uuid('bidder_org_id')
      .notNull()
      .references(() => organization.id),
    lotKey: text('lot_key').notNull(),
    /** awarded | not_awarded */
    outcome: text('outcome').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    issuedAt: ts('issued_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.bidderOrgId, t.lotKey] }),
    tenantPolicy('bid_results'),
    pgPolicy('bid_results_bidder_read', { as: 'permissive', for: 'select', to: appRole, using: sql`bidder_org_id = ${currentOrgSql}` }),
  ],
);

/** The contract draft made at the award from the tender and the winning bid (signing: issue 9). */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    lotKey: text('lot_key').notNull(),
    supplierId: uuid('supplier_id').references(() => suppliers.id),
    supplierOrgId: uuid('supplier_org_id')
      .notNull()
      .references(() => organization.id),
    bidId: uuid('bid_id').notNull(),
    number: text('number').notNull(),
    /** draft */
    status: text('status').notNull().default('draft'),
    currency: text('currency').notNull(),
    amount: numeric('amount', { precision: 17, scale: 2 }).notNull(),
    /** The lot's items with the winning bid's prices, the tender's terms. */
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('contracts_tender_lot_uq').on(t.tenderId, t.lotKey), index('contracts_org_idx').on(t.organizationId, t.createdAt), tenantPolicy('contracts')],
);
