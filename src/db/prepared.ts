// Named prepared statements for hot statements of a fixed shape (a detail by id):
// PostgreSQL plans them once per connection and then reuses a generic plan, which
// for an id lookup with a dozen subqueries saves more time than the execution
// takes. Only for statements whose text varies with the shape of the input at
// most (which filters, how many rows), not with its values, so the set stays small.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { SQL } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { Tx } from './client';

const names = new Map<string, string>();
/**
 * At most this many distinct statements are prepared (per process, and so per
 * connection); beyond it a statement runs unprepared. Bounds the memory a
 * connection spends on plans if some caller's text varied more than expected.
 */
const MAX_PREPARED = 300;

interface TxInternals {
  dialect: PgDialect;
  session: { client: pg.PoolClient };
}

export async function executePrepared(tx: Tx, query: SQL): Promise<Record<string, unknown>[]> {
  const t = tx as unknown as TxInternals;
  const q = t.dialect.sqlToQuery(query);
  let name = names.get(q.sql);
  if (!name && names.size < MAX_PREPARED) {
    name = `procura_${createHash('sha1').update(q.sql).digest('hex').slice(0, 20)}`;
    names.set(q.sql, name);
  }
  // Without a name (past the limit) pg runs it unprepared.
  const res = await t.session.client.query({ name, text: q.sql, values: q.params as unknown[] });
  return res.rows as Record<string, unknown>[];
}
