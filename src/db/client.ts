// Connection pools. The server talks to PostgreSQL only as the application role
// (subject to row-level security); the owner connection is used for migrations
// and demo data only.
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// DATE columns stay strings ('2026-03-01'); numeric is converted by drizzle where declared.
pg.types.setTypeParser(1082, (v) => v);

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(url: string, max = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {
    /* a dropped idle client is replaced on next checkout */
  });
  const db = drizzle({ client: pool, schema });
  return { db, pool, close: () => pool.end() };
}
