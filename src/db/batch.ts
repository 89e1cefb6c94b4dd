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

export type Write = SQLWrapper | null | undefined | false;

export async function writeTogether(tx: Tx, writes: readonly Write[]): Promise<void> {
  const list = writes.filter((w): w is SQLWrapper => Boolean(w));
  if (!list.length) return;
  if (list.length === 1) {
    await tx.execute(list[0]!.getSQL());
    return;
  }
  const parts = list.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  // Prepared: the text depends only on the shape of the writes (which tables, how
  // many rows), of which a use case has a handful; planning is then done once per connection.
  await executePrepared(tx, sql`with ${sql.join(parts, sql`, `)} select 1`);
}
