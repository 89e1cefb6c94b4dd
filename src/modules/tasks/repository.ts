// Data access for tasks (next actions). A task is seen through its opportunity:
// the "own opportunities only" setting applies to it too.
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { member, opportunities, tasks, user } from '../../db/schema/index';
import type { TenantContext } from '../../db/tenant';
import { visibleTo } from '../opportunities/repository';

export type TaskRow = typeof tasks.$inferSelect;
/** A task with what its list shows beside it. */
export interface TaskListRow {
  t: TaskRow;
  opportunityTitle: string;
  ownerName: string;
}

const cols = { t: tasks, opportunityTitle: opportunities.title, ownerName: user.name };
// Order: due date (none last), then id.
const due = sql`coalesce(${tasks.dueDate}, '9999-12-31'::date)`;

function listed(tx: Tx) {
  return tx.select(cols).from(tasks).innerJoin(opportunities, eq(opportunities.id, tasks.opportunityId)).innerJoin(user, eq(user.id, tasks.ownerId));
}

export const taskRepo = {
  async get(tx: Tx, ctx: TenantContext, id: string): Promise<TaskListRow | null> {
    const vis = visibleTo(ctx);
    return (await listed(tx).where(vis ? and(eq(tasks.id, id), vis) : eq(tasks.id, id)).limit(1))[0] ?? null;
  },

  /** A page by due date then id, with one more row than asked to tell whether another page follows. */
  page(tx: Tx, ctx: TenantContext, q: { opportunityId?: string; ownerId?: string; status?: string; after: [string | null, string] | null; limit: number }) {
    const conds: SQL[] = [];
    const vis = visibleTo(ctx);
    if (vis) conds.push(vis);
    if (q.opportunityId) conds.push(eq(tasks.opportunityId, q.opportunityId));
    if (q.ownerId) conds.push(eq(tasks.ownerId, q.ownerId));
    if (q.status) conds.push(eq(tasks.status, q.status));
    if (q.after) {
      const d = q.after[0] ?? '9999-12-31';
      conds.push(or(sql`${due} > ${d}::date`, and(sql`${due} = ${d}::date`, gt(tasks.id, q.after[1])))!);
    }
    return listed(tx).where(and(...conds)).orderBy(asc(due), asc(tasks.id)).limit(q.limit + 1);
  },

  async isMember(tx: Tx, orgId: string, userId: string): Promise<boolean> {
    return (await tx.select({ id: member.id }).from(member).where(and(eq(member.organizationId, orgId), eq(member.userId, userId))).limit(1)).length > 0;
  },

  async insert(tx: Tx, values: typeof tasks.$inferInsert): Promise<TaskRow> {
    const [row] = await tx.insert(tasks).values(values).returning();
    return row!;
  },

  async update(tx: Tx, id: string, patch: Partial<typeof tasks.$inferInsert>): Promise<void> {
    await tx.update(tasks).set(patch).where(eq(tasks.id, id));
  },
};
