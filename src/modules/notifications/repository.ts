// Notifications and the e-mail outbox: this module's tables. A notification
// row belongs to the recipient organization and is written by the sender
// (src/db/schema/tender.ts: notifications_sender_write).
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { notifications, outbox } from '../../db/schema/index';

export type NotificationRow = typeof notifications.$inferSelect;

export const notificationRepo = {
  insert: (tx: Tx, rows: (typeof notifications.$inferInsert)[]) => (rows.length ? tx.insert(notifications).values(rows) : null),
  insertOutbox: (tx: Tx, rows: (typeof outbox.$inferInsert)[]) => (rows.length ? tx.insert(outbox).values(rows) : null),

  list(tx: Tx, orgId: string, q: { unread: boolean; tenderId?: string; limit: number; after: [string, string] | null }) {
    const conds = [eq(notifications.organizationId, orgId)];
    if (q.unread) conds.push(isNull(notifications.readAt));
    if (q.tenderId) conds.push(eq(notifications.tenderId, q.tenderId));
    if (q.after) conds.push(or(lt(notifications.createdAt, new Date(q.after[0])), and(eq(notifications.createdAt, new Date(q.after[0])), lt(notifications.id, q.after[1])))!);
    return tx
      .select()
      .from(notifications)
      .where(and(...conds))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.limit + 1);
  },

  async unreadCount(tx: Tx, orgId: string): Promise<number> {
    const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.organizationId, orgId), isNull(notifications.readAt)));
    return rows[0]?.n ?? 0;
  },

  async markRead(tx: Tx, id: string | null, at: Date): Promise<number> {
    const r = await tx
      .update(notifications)
      .set({ readAt: at })
      .where(id ? and(eq(notifications.id, id), isNull(notifications.readAt)) : isNull(notifications.readAt))
      .returning({ id: notifications.id });
    return r.length;
  },

  async exists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, id)).limit(1)).length > 0;
  },

  outbox(tx: Tx, orgId: string, limit: number) {
    return tx.select().from(outbox).where(eq(outbox.organizationId, orgId)).orderBy(desc(outbox.createdAt)).limit(limit);
  },
};
