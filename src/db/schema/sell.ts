// Sell side: the customers (accounts), their people (contacts), their procurement
// projects (opportunities), what happened (interactions + evidence), competitors,
// next actions and stage history.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
  date,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { orgColumn, tenantPolicy, ts } from './tenant';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    name: text('name').notNull(),
    industry: text('industry').notNull().default('other'),
    size: text('size'),
    region: text('region'),
    orgStructure: text('org_structure'),
    procurementPolicies: text('procurement_policies').array().notNull().default(sql`'{}'::text[]`),
    budgetCycle: text('budget_cycle'),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('accounts_org_name_idx').on(t.organizationId, t.name, t.id),
    index('accounts_org_industry_idx').on(t.organizationId, t.industry),
    tenantPolicy('accounts'),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    reportsToId: uuid('reports_to_id'),
    email: text('email'),
    phone: text('phone'),
    wechat: text('wechat'),
    buyingRoles: text('buying_roles').array().notNull().default(sql`'{}'::text[]`),
    isCoach: boolean('is_coach').notNull().default(false),
    attitude: text('attitude').notNull().default('neutral'),
    influence: smallint('influence').notNull().default(3),
    concerns: text('concerns'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('contacts_account_idx').on(t.organizationId, t.accountId, t.name), tenantPolicy('contacts')],
);

export const competitors = pgTable(
  'competitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    name: text('name').notNull(),
    website: text('website'),
    notes: text('notes'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('competitors_org_name_uq').on(t.organizationId, t.name), tenantPolicy('competitors')],
);

export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    product: text('product'),
    value: numeric('value', { precision: 18, scale: 2, mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('CNY'),
    processModel: text('process_model').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => user.id, { onDelete: 'restrict' }),
    expectedDecisionDate: date('expected_decision_date', { mode: 'string' }),
    source: text('source'),
    /** Stage the owner set by hand (null: never set). */
    stageSet: text('stage_set'),
    /** Stage inferred from evidence by src/domain/inference. */
    stageInferred: text('stage_inferred').notNull(),
    inferenceConfidence: real('inference_confidence').notNull().default(0),
    /** The stage the board shows: the set stage where set, else the inferred one. */
    stage: text('stage').notNull(),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    outcome: text('outcome').notNull().default('open'),
    lostReason: text('lost_reason'),
    winningCompetitorId: uuid('winning_competitor_id').references(() => competitors.id, { onDelete: 'set null' }),
    closedAt: ts('closed_at'),
    riskCodes: text('risk_codes').array().notNull().default(sql`'{}'::text[]`),
    firstInteractionAt: ts('first_interaction_at'),
    firstInteractionStage: text('first_interaction_stage'),
    lastInteractionAt: ts('last_interaction_at'),
    interactionCount: integer('interaction_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('opps_org_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    index('opps_org_value_idx').on(t.organizationId, t.value, t.id),
    // Pipeline views: open opportunities of one stage by value (lists and board columns).
    index('opps_org_outcome_stage_value_idx').on(t.organizationId, t.outcome, t.stage, t.value, t.id),
    index('opps_org_model_stage_idx').on(t.organizationId, t.processModel, t.stage),
    index('opps_org_owner_idx').on(t.organizationId, t.ownerId),
    index('opps_account_idx').on(t.organizationId, t.accountId),
    index('opps_risk_codes_idx').using('gin', t.riskCodes),
    tenantPolicy('opportunities'),
  ],
);

export const opportunityFacts = pgTable(
  'opportunity_facts',
  {
    organizationId: orgColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    /** budget | decision_date | decision_criteria */
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    sourceContactIds: uuid('source_contact_ids').array().notNull().default(sql`'{}'::uuid[]`),
    verified: boolean('verified').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.kind] }), tenantPolicy('opportunity_facts')],
);

export const opportunityCompetitors = pgTable(
  'opportunity_competitors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    position: text('position').notNull().default('active'),
    strengths: text('strengths'),
    weaknesses: text('weaknesses'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('opp_competitors_uq').on(t.opportunityId, t.competitorId),
    tenantPolicy('opportunity_competitors'),
  ],
);

export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    summary: text('summary').notNull(),
    customerResponse: text('customer_response'),
    /** [{ competitorId, response }] */
    competitorResponses: jsonb('competitor_responses').$type<{ competitorId: string; response: string }[]>().notNull().default([]),
    contactIds: uuid('contact_ids').array().notNull().default(sql`'{}'::uuid[]`),
    userIds: uuid('user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** manual, or tender: logged by the platform from a tender the organization takes part in. */
    origin: text('origin').notNull().default('manual'),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('interactions_opp_idx').on(t.organizationId, t.opportunityId, t.occurredAt),
    index('interactions_account_idx').on(t.organizationId, t.accountId, t.occurredAt),
    tenantPolicy('interactions'),
  ],
);

export const evidenceItems = pgTable(
  'evidence_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    interactionId: uuid('interaction_id').references(() => interactions.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    value: text('value'),
    sourceContactId: uuid('source_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    verified: boolean('verified').notNull().default(false),
    occurredAt: ts('occurred_at').notNull(),
    /** Set when the evidence came from a tender on the platform rather than by hand. */
    origin: text('origin').notNull().default('manual'),
    /** For evidence from a tender: which event it is (tender id and event), so that it is taken once. */
    originKey: text('origin_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('evidence_opp_idx').on(t.organizationId, t.opportunityId, t.occurredAt),
    uniqueIndex('evidence_origin_key_uq').on(t.organizationId, t.opportunityId, t.originKey),
    tenantPolicy('evidence_items'),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => user.id, { onDelete: 'restrict' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    /** playbook | manual */
    origin: text('origin').notNull().default('manual'),
    playbookKey: text('playbook_key'),
    completedAt: ts('completed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('tasks_opp_idx').on(t.organizationId, t.opportunityId, t.status), tenantPolicy('tasks')],
);

export const stageMoves = pgTable(
  'stage_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    /** set (by hand) | inferred */
    kind: text('kind').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    direction: text('direction').notNull(),
    reason: text('reason'),
    evidenceIds: uuid('evidence_ids').array().notNull().default(sql`'{}'::uuid[]`),
    actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('stage_moves_opp_idx').on(t.organizationId, t.opportunityId, t.at), tenantPolicy('stage_moves')],
);
