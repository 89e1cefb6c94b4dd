// Buy side, before the tender: the organization's approval chain, requisitions
// (采购申请) and their approval steps, procurement projects with their
// purchasing team, and the supplier registry with certifications. All of it is
// the buyer's own data (tenant rule); a supplier organization reads its own
// registry entries and certifications through a second policy.
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgPolicy, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth';
import { bytea } from './types';
import { appRole, currentOrgSql, orgColumn, tenantPolicy, ts } from './tenant';

export const approvalRules = pgTable(
  'approval_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    minAmount: numeric('min_amount', { precision: 17, scale: 2 }).notNull().default('0'),
    department: text('department'),
    approverIds: uuid('approver_ids').array().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('approval_rules_org_key_uq').on(t.organizationId, t.key), tenantPolicy('approval_rules')],
);

export const requisitions = pgTable(
  'requisitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    department: text('department').notNull(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => user.id),
    justification: text('justification').notNull(),
    currency: text('currency').notNull().default('CNY'),
    total: numeric('total', { precision: 17, scale: 2 }).notNull(),
    /** draft | submitted | approved | rejected | returned | withdrawn */
    status: text('status').notNull().default('draft'),
    /** Each submission is a round of the chain; a change after a return starts a new one. */
    round: integer('round').notNull().default(0),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('requisitions_org_number_uq').on(t.organizationId, t.number),
    index('requisitions_org_status_idx').on(t.organizationId, t.status, t.updatedAt),
    tenantPolicy('requisitions'),
  ],
);

export const requisitionItems = pgTable(
  'requisition_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    requisitionId: uuid('requisition_id')
      .notNull()
      .references(() => requisitions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    specification: text('specification').notNull().default(''),
    quantity: numeric('quantity', { precision: 16, scale: 4 }).notNull(),
    unit: text('unit').notNull(),
    unitPrice: numeric('unit_price', { precision: 17, scale: 2 }).notNull(),
    neededBy: date('needed_by'),
  },
  (t) => [index('requisition_items_req_idx').on(t.organizationId, t.requisitionId, t.position), tenantPolicy('requisition_items')],
);

export const requisitionSteps = pgTable(
  'requisition_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    requisitionId: uuid('requisition_id')
      .notNull()
      .references(() => requisitions.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    approverIds: uuid('approver_ids').array().notNull(),
    /** approve | reject | return, null while waiting */
    decision: text('decision'),
    deciderId: uuid('decider_id').references(() => user.id),
    comment: text('comment'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    // One decision per step and round, enforced by the database (concurrent approvals).
    uniqueIndex('requisition_steps_uq').on(t.requisitionId, t.round, t.position),
    tenantPolicy('requisition_steps'),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    requisitionId: uuid('requisition_id')
      .notNull()
      .references(() => requisitions.id),
    number: text('number').notNull(),
    title: text('title').notNull(),
    processModel: text('process_model').notNull().default('internal-8'),
    stage: text('stage').notNull(),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    budget: numeric('budget', { precision: 17, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One project per approved requisition, even when two approvals race.
    uniqueIndex('projects_requisition_uq').on(t.requisitionId),
    index('projects_org_stage_idx').on(t.organizationId, t.status, t.stage),
    tenantPolicy('projects'),
  ],
);

export const projectTeam = pgTable(
  'project_team',
  {
    organizationId: orgColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    roles: text('roles').array().notNull(),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), tenantPolicy('project_team')],
);

/**
 * The buyer's supplier registry. A supplier is an organization on Procura
 * (supplier_org_id), or a company invited by e-mail that has not signed up yet
 * (invite_email; supplier_org_id set when it does).
 */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    supplierOrgId: uuid('supplier_org_id').references(() => organization.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    contactEmail: text('contact_email'),
    /** The link a company invited by e-mail signs up with (its hash is stored, not the token). */
    inviteTokenHash: text('invite_token_hash'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('suppliers_org_supplier_uq').on(t.organizationId, t.supplierOrgId),
    index('suppliers_org_name_idx').on(t.organizationId, t.name),
    tenantPolicy('suppliers'),
    // The supplier sees that it is registered with this buyer, and registers itself (an open tender admits any registered supplier).
    pgPolicy('suppliers_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: sql`supplier_org_id = ${currentOrgSql}` }),
    pgPolicy('suppliers_supplier_register', { as: 'permissive', for: 'insert', to: appRole, withCheck: sql`supplier_org_id = ${currentOrgSql} and invite_token_hash is null` }),
  ],
);

export const certifications = pgTable(
  'certifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    /** The supplier organization, for its own read policy (copied from suppliers). */
    supplierOrgId: uuid('supplier_org_id'),
    category: text('category').notNull(),
    /** applied | certified | rejected | suspended | blacklisted | expired */
    status: text('status').notNull().default('applied'),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    levels: jsonb('levels').$type<Record<string, string>>().notNull().default({}),
    /** Documents the supplier sent with its application: [{ name, sha256, size }]. */
    documents: jsonb('documents').$type<{ name: string; sha256: string; size: number }[]>().notNull().default([]),
    note: text('note'),
    reason: text('reason'),
    reviewerId: uuid('reviewer_id').references(() => user.id),
    reviewedAt: ts('reviewed_at'),
    validUntil: ts('valid_until'),
    appliedAt: ts('applied_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certifications_supplier_category_uq').on(t.supplierId, t.category),
    index('certifications_org_status_idx').on(t.organizationId, t.status, t.validUntil),
    tenantPolicy('certifications'),
    pgPolicy('certifications_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: sql`supplier_org_id = ${currentOrgSql}` }),
    // A supplier applies from its own portal: only as itself, only an application.
    pgPolicy('certifications_supplier_apply', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`supplier_org_id = ${currentOrgSql} and status = 'applied' and reviewer_id is null and exists (select 1 from suppliers s where s.id = supplier_id and s.supplier_org_id = ${currentOrgSql} and s.organization_id = certifications.organization_id)`,
    }),
    pgPolicy('certifications_supplier_reapply', {
      as: 'permissive',
      for: 'update',
      to: appRole,
      using: sql`supplier_org_id = ${currentOrgSql} and status in ('rejected', 'expired')`,
      withCheck: sql`supplier_org_id = ${currentOrgSql} and status = 'applied' and reviewer_id is null`,
    }),
  ],
);

/** The files a certification rests on (licences, quality certificates, financial statements): the buyer's, sent by either side. */
export const certificationDocuments = pgTable(
  'certification_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    certificationId: uuid('certification_id')
      .notNull()
      .references(() => certifications.id, { onDelete: 'cascade' }),
    supplierOrgId: uuid('supplier_org_id'),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => user.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('certification_documents_cert_idx').on(t.organizationId, t.certificationId),
    tenantPolicy('certification_documents'),
    pgPolicy('certification_documents_supplier_read', { as: 'permissive', for: 'select', to: appRole, using: sql`supplier_org_id = ${currentOrgSql}` }),
    pgPolicy('certification_documents_supplier_write', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`supplier_org_id = ${currentOrgSql} and exists (select 1 from certifications c where c.id = certification_id and c.supplier_org_id = ${currentOrgSql} and c.organization_id = certification_documents.organization_id)`,
    }),
  ],
);
