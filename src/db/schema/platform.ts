// Organization-wide settings, custom process models, the activity/audit log and
// idempotency records.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, bigserial } from 'drizzle-orm/pg-core';
import { organization, user } from './auth';
import { orgColumn, tenantPolicy, ts } from './tenant';

export const orgSettings = pgTable(
  'org_settings',
  {
    organizationId: orgColumn().primaryKey(),
    /** all: members see every opportunity; own: members see only their own (managers and admins see all). */
    opportunityVisibility: text('opportunity_visibility').notNull().default('all'),
    riskThresholds: jsonb('risk_thresholds').$type<Record<string, unknown>>(),
    defaultProcessModel: text('default_process_model').notNull().default('internal-8'),
    /** p75 days per stage key, recomputed by the stats job. */
    stageDurationP75: jsonb('stage_duration_p75').$type<Record<string, number>>().notNull().default({}),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [tenantPolicy('org_settings')],
);

export const processModels = pgTable(
  'process_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgColumn(),
    key: text('key').notNull(),
    name: jsonb('name').$type<{ 'zh-CN': string; en: string }>().notNull(),
    stages: jsonb('stages').$type<unknown[]>().notNull(),
    archived: integer('archived').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('process_models_org_key_uq').on(t.organizationId, t.key), tenantPolicy('process_models')],
);

/**
 * Activity and audit log: one row per thing that happened (created, field
 * changed, interaction logged, stage moved, ...). The application role may only
 * insert and read it (see the grants migration): it is append-only.
 */
export const activities = pgTable(
  'activities',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: orgColumn(),
    actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    accountId: uuid('account_id'),
    opportunityId: uuid('opportunity_id'),
    /** Buy side: the procurement project the entry belongs to (its timeline). */
    projectId: uuid('project_id'),
    action: text('action').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('activities_opp_idx').on(t.organizationId, t.opportunityId, t.at),
    index('activities_account_idx').on(t.organizationId, t.accountId, t.at),
    index('activities_project_idx').on(t.organizationId, t.projectId, t.at),
    tenantPolicy('activities'),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organizationId: orgColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Null while the claiming transaction runs; it stores the answer before committing (src/db/idempotency.ts), so no committed row lacks one. */
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId, t.key] }),
    index('idempotency_created_idx').on(t.createdAt),
    tenantPolicy('idempotency_keys'),
  ],
);



/**
 * Sign-in attempts per account (key 'account:' + SHA-256 of the address, kept
 * whether or not the account exists) and per client address ('ip:…'). Counted
 * before the password is checked, in one statement, so parallel guesses cannot
 * slip past the limit (src/server/sign-in-throttle.ts). Not tenant data: read
 * before anyone is known, by the server only.
 */
export const signInAttempts = pgTable('sign_in_attempts', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStart: ts('window_start').notNull(),
  blockedUntil: ts('blocked_until'),
});
