// Buy side, the tender: the tender and what it publishes (documents, keys,
// amendments, clarifications), who it invites, who downloaded what, questions,
// sealed bids and their versions, the opening. Records shared across
// organizations follow ARCHITECTURE.md "Records shared across organizations":
// each row belongs to one organization (tenant rule) and a second, narrower
// policy lets the other side read exactly what it is entitled to.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, numeric, pgPolicy, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth';
import { projects, suppliers } from './buy';
import { opportunities } from './sell';
import { appRole, currentOrgSql, orgColumn, tenantPolicy, ts } from './tenant';
import { bytea } from './types';
import type { Category, EnvelopeMode, Regime, TenderMethod } from '../../domain/buy/tender';
import type { TenderStatus } from '../../domain/buy/tender-status';

export { bytea } from './types';

/**
 * A tender's records a supplier may see: the tender was published (a draft
 * cancelled before publication never was) and the supplier may see the tender
 * itself (its row's policies, applied inside this subquery).
 */
const visibleTender = (tenderId: ReturnType<typeof sql>) =>
  sql`exists (select 1 from tenders t where t.id = ${tenderId} and t.published_at is not null)`;

/** A supplier's own record in a tender it may see, filed under the tender's buyer (never under another organization). */
const ownedByTendersBuyer = (table: string) =>
  sql.raw(`exists (select 1 from tenders t where t.id = ${table}.tender_id and t.organization_id = ${table}.organization_id and t.published_at is not null)`);

export const tenders = pgTable(
  'tenders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    number: text('number').notNull(),
    title: text('title').notNull(),
    regime: text('regime').$type<Regime>().notNull(),
    method: text('method').$type<TenderMethod>().notNull(),
    category: text('category').$type<Category>().notNull(),
    currency: text('currency').notNull(),
    estimatedValue: numeric('estimated_value', { precision: 17, scale: 2 }).notNull(),
    bidBond: numeric('bid_bond', { precision: 17, scale: 2 }).notNull().default('0'),
    /** Lots with items, qualification requirements, evaluation method and criteria (frozen at publication). */
    setup: jsonb('setup').$type<Record<string, unknown>>().notNull(),
    /** one | two */
    envelopes: text('envelopes').$type<EnvelopeMode>().notNull().default('one'),
    publishAt: ts('publish_at'),
    questionsUntil: ts('questions_until').notNull(),
    deadline: ts('deadline').notNull(),
    openingAt: ts('opening_at').notNull(),
    minValidBids: integer('min_valid_bids').notNull(),
    /** Before the opening the buyer may see how many bids arrived. */
    showBidCount: boolean('show_bid_count').notNull().default(true),
    /** enterprise: days a material amendment leaves to the deadline. */
    amendmentMinDays: integer('amendment_min_days').notNull().default(0),
    keyThreshold: integer('key_threshold').notNull().default(2),
    keyHolderIds: uuid('key_holder_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** draft | published | questions_closed | bidding_closed | opened | failed | cancelled */
    status: text('status').$type<TenderStatus>().notNull().default('draft'),
    freezeHash: text('freeze_hash'),
    cancelledReason: text('cancelled_reason'),
    publishedAt: ts('published_at'),
    /** When the status last changed (published, closed by the clock, opened, failed, cancelled). */
    statusChangedAt: ts('status_changed_at'),
    /** The last material amendment: bids sealed before it must be confirmed or replaced. */
    materialAmendedAt: ts('material_amended_at'),
    /** The deadline reminder went out (once, a day before the deadline). */
    reminderSentAt: ts('reminder_sent_at'),
    createdBy: uuid('created_by').references(() => user.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenders_org_number_uq').on(t.organizationId, t.number),
    index('tenders_org_status_idx').on(t.organizationId, t.status, t.deadline),
    index('tenders_open_idx').on(t.method, t.status, t.deadline),
    tenantPolicy('tenders'),
    pgPolicy('tenders_supplier_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`published_at is not null and (
        (method = 'open' and exists (select 1 from organization o where o.id = ${currentOrgSql} and o.kind in ('seller', 'both')))
        or exists (select 1 from tender_invitations i where i.tender_id = tenders.id and i.supplier_org_id = ${currentOrgSql}))`,
    }),
    // A member of its evaluation committee (not conflicted, not replaced) reads the tender (migration 0006).
    pgPolicy('tenders_committee_read', { as: 'permissive', for: 'select', to: appRole, using: sql`committee_role(id) in ('active', 'declared')` }),
  ],
);

export const tenderInvitations = pgTable(
  'tender_invitations',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    supplierOrgId: uuid('supplier_org_id')
      .notNull()
      .references(() => organization.id),
    invitedBy: uuid('invited_by').references(() => user.id),
    invitedAt: ts('invited_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.supplierOrgId] }),
    tenantPolicy('tender_invitations'),
    // A supplier sees its own invitation, never who else was invited.
    pgPolicy('tender_invitations_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: sql`supplier_org_id = ${currentOrgSql}` }),
  ],
);

export const tenderDocuments = pgTable(
  'tender_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Set when the document came with an amendment after publication. */
    amendmentId: uuid('amendment_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('tender_documents_tender_idx').on(t.organizationId, t.tenderId),
    tenantPolicy('tender_documents'),
    pgPolicy('tender_documents_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: visibleTender(sql`tender_id`) }),
  ],
);

/** A key holder's own key (sealing/holder-key.ts): salt, scrypt parameters, public key. */
export const keyHolders = pgTable(
  'key_holders',
  {
    organizationId: orgColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    record: jsonb('record').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), tenantPolicy('key_holders')],
);

/** The opening key of one envelope of a tender (sealing/tender-key.ts): public key, fingerprint, sealed shares; after the opening, its secret. */
export const tenderKeys = pgTable(
  'tender_keys',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    envelope: text('envelope').notNull(),
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    threshold: integer('threshold').notNull(),
    key: jsonb('key').$type<Record<string, unknown>>().notNull(),
    /** Published after the opening so that anyone can re-check it. */
    secret: bytea('secret'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.envelope] }),
    tenantPolicy('tender_keys'),
    pgPolicy('tender_keys_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: visibleTender(sql`tender_id`) }),
  ],
);

export const tenderAmendments = pgTable(
  'tender_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => user.id),
    reason: text('reason').notNull(),
    material: boolean('material').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    oldDeadline: ts('old_deadline').notNull(),
    newDeadline: ts('new_deadline').notNull(),
    freezeHash: text('freeze_hash').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('tender_amendments_tender_idx').on(t.organizationId, t.tenderId, t.at),
    tenantPolicy('tender_amendments'),
    pgPolicy('tender_amendments_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: visibleTender(sql`tender_id`) }),
  ],
);

/** Who downloaded which document: the buyer's to see, written by the downloading supplier. */
export const tenderDownloads = pgTable(
  'tender_downloads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => tenderDocuments.id, { onDelete: 'cascade' }),
    supplierOrgId: uuid('supplier_org_id')
      .notNull()
      .references(() => organization.id),
    userId: uuid('user_id').references(() => user.id),
    at: ts('at').notNull(),
  },
  (t) => [
    index('tender_downloads_tender_idx').on(t.organizationId, t.tenderId, t.supplierOrgId),
    tenantPolicy('tender_downloads'),
    pgPolicy('tender_downloads_supplier_write', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`supplier_org_id = ${currentOrgSql} and ${ownedByTendersBuyer('tender_downloads')}`,
    }),
  ],
);

/** A supplier's question: the buyer and the asker see it; the answer goes to everyone as a clarification. */
export const tenderQuestions = pgTable(
  'tender_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    askerOrgId: uuid('asker_org_id')
      .notNull()
      .references(() => organization.id),
    askerUserId: uuid('asker_user_id').references(() => user.id),
    question: text('question').notNull(),
    askedAt: ts('asked_at').notNull(),
    clarificationId: uuid('clarification_id'),
  },
  (t) => [
    index('tender_questions_tender_idx').on(t.organizationId, t.tenderId, t.askedAt),
    tenantPolicy('tender_questions'),
    pgPolicy('tender_questions_asker_read', { as: 'permissive', for: 'select', to: appRole, using: sql`asker_org_id = ${currentOrgSql}` }),
    pgPolicy('tender_questions_asker_write', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`asker_org_id = ${currentOrgSql} and clarification_id is null and ${ownedByTendersBuyer('tender_questions')}`,
    }),
  ],
);

/** An answer published to every supplier of the tender, with the question but never who asked it. */
export const tenderClarifications = pgTable(
  'tender_clarifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    answeredBy: uuid('answered_by').references(() => user.id),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [
    index('tender_clarifications_tender_idx').on(t.organizationId, t.tenderId, t.publishedAt),
    tenantPolicy('tender_clarifications'),
    pgPolicy('tender_clarifications_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: visibleTender(sql`tender_id`) }),
  ],
);

/** The buyer sees a bid's row (who bid) only once the tender is opened. */
const openedForBuyer = sql`buyer_org_id = ${currentOrgSql} and exists (select 1 from tenders t where t.id = tender_id and t.status = 'opened')`;

export const bids = pgTable(
  'bids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The bidder. */
    organizationId: orgColumn(),
    buyerOrgId: uuid('buyer_org_id')
      .notNull()
      .references(() => organization.id),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    /** active | withdrawn */
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // One bid per bidder and tender; replacing it adds a version.
    uniqueIndex('bids_tender_bidder_uq').on(t.tenderId, t.organizationId),
    tenantPolicy('bids'),
    pgPolicy('bids_buyer_read_opened', { as: 'permissive', for: 'select', to: appRole, using: openedForBuyer }),
  ],
);

export const bidVersions = pgTable(
  'bid_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    buyerOrgId: uuid('buyer_org_id')
      .notNull()
      .references(() => organization.id),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** submit | confirm (a bid sealed before a material amendment, kept as it is) | withdraw */
    kind: text('kind').notNull(),
    /** For a confirmation: the version it confirms. */
    confirms: integer('confirms'),
    /** The sealed submission exactly as received (its canonical JSON: ciphertext in base64, and the headers). Null for a confirmation or a withdrawal. */
    submission: text('submission'),
    sha256: text('sha256'),
    size: integer('size').notNull().default(0),
    receivedAt: ts('received_at').notNull(),
    receipt: jsonb('receipt').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex('bid_versions_bid_version_uq').on(t.bidId, t.version),
    index('bid_versions_tender_idx').on(t.tenderId, t.organizationId),
    tenantPolicy('bid_versions'),
    pgPolicy('bid_versions_buyer_read_opened', { as: 'permissive', for: 'select', to: appRole, using: openedForBuyer }),
  ],
);

export const tenderOpenings = pgTable(
  'tender_openings',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    envelope: text('envelope').notNull(),
    /** waiting | opened | failed | postponed */
    status: text('status').notNull().default('waiting'),
    /** The opening record: bidder names, prices, published fields; shown to every bidder. */
    record: jsonb('record').$type<Record<string, unknown>>(),
    openedAt: ts('opened_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.envelope] }),
    tenantPolicy('tender_openings'),
    pgPolicy('tender_openings_bidder_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`exists (select 1 from bids b where b.tender_id = tender_openings.tender_id and b.organization_id = ${currentOrgSql})`,
    }),
  ],
);

/** Key holders' shares, handed over in the opening screen after the opening time. */
export const openingShares = pgTable(
  'opening_shares',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    envelope: text('envelope').notNull(),
    holderUserId: uuid('holder_user_id')
      .notNull()
      .references(() => user.id),
    share: bytea('share').notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.envelope, t.holderUserId] }), tenantPolicy('opening_shares')],
);

/** What the opening found in each bid: opened (with its content), withdrawn (撤回) or revoked (撤销). */
export const bidOpenings = pgTable(
  'bid_openings',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    envelope: text('envelope').notNull(),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    bidderOrgId: uuid('bidder_org_id')
      .notNull()
      .references(() => organization.id),
    version: integer('version').notNull(),
    outcome: text('outcome').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>(),
    total: numeric('total', { precision: 17, scale: 2 }),
    openedAt: ts('opened_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.envelope, t.bidId] }),
    tenantPolicy('bid_openings'),
    pgPolicy('bid_openings_bidder_read', { as: 'permissive', for: 'select', to: appRole, using: sql`bidder_org_id = ${currentOrgSql}` }),
    // Only a committee member who declared no conflict reads the opened bids (migration 0006).
    pgPolicy('bid_openings_committee_read', { as: 'permissive', for: 'select', to: appRole, using: sql`committee_role(tender_id) = 'declared'` }),
  ],
);

/** In-app notifications (and, with SMTP, e-mail). Written by the organization that causes them, read by the recipient. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The recipient organization. */
    organizationId: orgColumn(),
    senderOrgId: uuid('sender_org_id').notNull(),
    userId: uuid('user_id').references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    tenderId: uuid('tender_id'),
    title: jsonb('title').$type<{ 'zh-CN': string; en: string }>().notNull(),
    body: jsonb('body').$type<{ 'zh-CN': string; en: string }>().notNull(),
    link: text('link'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_org_idx').on(t.organizationId, t.createdAt),
    tenantPolicy('notifications'),
    pgPolicy('notifications_sender_write', { as: 'permissive', for: 'insert', to: appRole, withCheck: sql`sender_org_id = ${currentOrgSql}` }),
  ],
);

/** E-mails waiting for SMTP (or, without it, for an admin to read). */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    senderOrgId: uuid('sender_org_id').notNull(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('outbox_org_idx').on(t.organizationId, t.createdAt),
    tenantPolicy('outbox'),
    pgPolicy('outbox_sender_write', { as: 'permissive', for: 'insert', to: appRole, withCheck: sql`sender_org_id = ${currentOrgSql}` }),
  ],
);

/**
 * The hash-chained audit log: one chain per organization (so that no single
 * row is a point every bid waits on; decision 0009). Each entry carries the hash
 * of the one before in its chain; the head row holds the chain's last hash and
 * is updated in the same statement that appends. Append-only for the application.
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    organizationId: orgColumn(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    tenderId: uuid('tender_id'),
    subjectId: uuid('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: bytea('prev_hash').notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.seq] }),
    index('audit_chain_tender_idx').on(t.organizationId, t.tenderId, t.seq),
    tenantPolicy('audit_chain'),
    // A committee member from outside the buyer appends to the buyer's chain only through append_committee_audit() (migration 0006).
  ],
);

export const auditHeads = pgTable(
  'audit_heads',
  {
    organizationId: orgColumn().primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    prevHash: bytea('prev_hash').notNull(),
    hash: bytea('hash').notNull(),
  },
  () => [
    tenantPolicy('audit_heads'),
  ],
);

/**
 * A supplier's link from a tender it met to its own opportunity for that
 * customer (the supplier's tenant only). The tender's events it is entitled to
 * see become evidence on that opportunity (modules/tender-link).
 */
export const tenderLinks = pgTable(
  'tender_links',
  {
    organizationId: orgColumn(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => user.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.tenderId] }), index('tender_links_opp_idx').on(t.organizationId, t.opportunityId), tenantPolicy('tender_links')],
);
