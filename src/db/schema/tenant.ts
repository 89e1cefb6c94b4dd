// The one way tenant tables are declared: every row carries organization_id, and
// PostgreSQL row-level security lets the application role see and write only the
// rows of the organization named by the transaction setting `app.org_id`
// (set by src/db/tenant.ts at the start of every request transaction).
import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization } from './auth';

/** The non-superuser role the server connects as. Created by src/db/bootstrap.ts. */
export const appRole = pgRole('procura_app').existing();

export const currentOrgSql = sql`nullif(current_setting('app.org_id', true), '')::uuid`;

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orgColumn = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organization.id, { onDelete: 'cascade' });

/** Row-level security policy: a row is visible and writable only inside its organization. */
export const tenantPolicy = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: sql`organization_id = ${currentOrgSql}`,
    withCheck: sql`organization_id = ${currentOrgSql}`,
  });
