// Several independent writes in one round trip. On this platform a round trip
// to PostgreSQL costs more CPU (socket write, wake-up of the other process) than
// a small insert does, so a use case that ends with "insert this, insert that,
// update the parent" sends them together as data-modifying CTEs of one statement
// (decision 0004). PostgreSQL runs every data-modifying CTE exactly once and to
// completion, and foreign keys are checked at the end of the statement, so a
// child may reference a parent inserted beside it.
//
// Only for writes that do not need each other's results or effects: the parts of
// one statement share a snapshot and do not see each other's changes.
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from './client';
import { executePrepared } from './prepared';

/** A write that later writes of the same statement read by its name (e.g. the audit chain's head it moved). */
export interface NamedWrite {
  name: string;
  sql: SQLWrapper;
}
export type Write = SQLWrapper | NamedWrite | null | undefined | false;

const isNamed = (w: SQLWrapper | NamedWrite): w is NamedWrite => 'name' in w && 'sql' in w;

export async function writeTogether(tx: Tx, writes: readonly Write[]): Promise<void> {
  const list = writes.filter((w): w is SQLWrapper | NamedWrite => Boolean(w));
  if (!list.length) return;
  if (list.length === 1 && !isNamed(list[0]!)) {
    await tx.execute(list[0]!.getSQL());
    return;
  }
  const parts = list.map((w, i) => (isNamed(w) ? sql`${sql.raw(w.name)} as (${w.sql.getSQL()})` : sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`));
  // Prepared: the text depends only on the shape of the writes (which tables, how
  // many rows), of which a use case has a handful; planning is then done once per connection.
  await executePrepared(tx, sql`with ${sql.join(parts, sql`, `)} select 1`);
}
