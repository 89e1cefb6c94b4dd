// Connection pools. The server talks to PostgreSQL only as the application role
// (subject to row-level security); the owner connection is used for migrations
// and demo data only.
//
// The application role gets two pools:
// - the tenant pool serves withTenant()/readTenant() (src/db/tenant.ts) only. Its
//   connections carry the tenant of their last use as session settings, and are
//   read-only by default: a write needs the explicit `begin read write` that
//   withTenant() sends.
// - the system pool serves what is not one tenant's data: sign-in, sessions,
//   memberships, invitations.
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// DATE columns stay strings ('2026-03-01'); numeric is converted by drizzle where declared.
pg.types.setTypeParser(1082, (v) => v);

export interface Database {
  /** The system pool's database handle; withTenant(db, …) runs on the tenant pool behind it. */
  db: Db;
  pool: pg.Pool;
  tenantPool: pg.Pool;
  close(): Promise<void>;
}

const tenantPools = new WeakMap<object, pg.Pool>();

/** The pool withTenant() uses for this handle, if it has a dedicated one. */
export function tenantPoolOf(db: Db): pg.Pool | undefined {
  return tenantPools.get(db);
}

/** The system pool behind a database handle (sign-in, sessions, memberships: not tenant data). */
export function systemPoolOf(db: Db): pg.Pool {
  return (db as unknown as { $client: pg.Pool }).$client;
}

export function createDatabase(url: string, max = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max: Math.max(2, Math.ceil(max / 4)), idleTimeoutMillis: 30_000 });
  const tenantPool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, options: '-c default_transaction_read_only=on' });
  for (const p of [pool, tenantPool]) {
    p.on('error', () => {
      /* a dropped idle client is replaced on next checkout */
    });
  }
  const db = drizzle({ client: pool, schema });
  tenantPools.set(db, tenantPool);
  return {
    db,
    pool,
    tenantPool,
    close: async () => {
      await Promise.all([pool.end(), tenantPool.end()]);
    },
  };
}
