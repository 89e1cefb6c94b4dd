// Contacts: the people of a customer, their buying roles, attitude and influence.
import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { accounts, contacts, interactions } from '../../db/schema/index';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, invalidField, notFound, unknownRef } from '../../server/errors';
import { diff, recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import type { ContactCreate, ContactListQuery, ContactPatch } from './schema';
import { text } from '../../domain/i18n';

type Row = typeof contacts.$inferSelect;

const lastContactAt = sql<Date | null>`(select max(i.occurred_at) from ${interactions} i where i.account_id = "contacts"."account_id" and "contacts"."id" = any(i.contact_ids))`;

export function presentContact(c: Row, last: Date | string | null) {
  return {
    id: c.id,
    accountId: c.accountId,
    name: c.name,
    title: c.title,
    department: c.department,
    reportsToId: c.reportsToId,
    email: c.email,
    phone: c.phone,
    wechat: c.wechat,
    buyingRoles: c.buyingRoles as never[],
    isCoach: c.isCoach,
    attitude: c.attitude as never,
    influence: c.influence,
    concerns: c.concerns,
    lastContactAt: last ? new Date(last).toISOString() : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function checkReportsTo(tx: Tx, accountId: string, contactId: string | null, reportsToId: string | null | undefined) {
  if (!reportsToId) return;
  if (reportsToId === contactId) throw invalidField('body.reportsToId', text('不能是联系人本人', 'cannot be the contact itself'), 'self_reference');
  const rows = await tx.select({ accountId: contacts.accountId }).from(contacts).where(eq(contacts.id, reportsToId)).limit(1);
  if (!rows[0] || rows[0].accountId !== accountId) throw unknownRef('body.reportsToId', 'contact');
  if (contactId) {
    // No cycles: walk up from the new manager; we must not meet the contact.
    const chain = await tx.execute<{ id: string }>(sql`
      with recursive up(id, depth) as (
        select ${reportsToId}::uuid, 0
        union all
        select c.reports_to_id, up.depth + 1 from ${contacts} c join up on c.id = up.id where c.reports_to_id is not null and up.depth < 50
      ) select id from up`);
    if ((chain.rows as { id: string }[]).some((r) => r.id === contactId)) throw invalidField('body.reportsToId', text('会形成循环汇报关系', 'would make a reporting cycle'), 'cycle');
  }
}

export const contactService = {
  async list(db: Db, ctx: TenantContext, q: z.infer<typeof ContactListQuery>) {
    const after = decodeCursor(q.cursor, [CursorKey.text, CursorKey.id]);
    const rows = await readTenant(db, ctx, (tx) => {
      const conds: SQL[] = [];
      if (q.accountId) conds.push(eq(contacts.accountId, q.accountId));
      if (q.q) conds.push(ilike(contacts.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
      if (q.role?.length) conds.push(sql`${contacts.buyingRoles} && ${sql.param(q.role)}::text[]`);
      if (after) conds.push(or(gt(contacts.name, after[0]), and(eq(contacts.name, after[0]), gt(contacts.id, after[1])))!);
      return tx
        .select({ c: contacts, last: lastContactAt })
        .from(contacts)
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(asc(contacts.name), asc(contacts.id))
        .limit(q.limit + 1);
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => presentContact(r.c, r.last)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.c.name, last.c.id]) : null };
  },

  async get(db: Db, ctx: TenantContext, id: string) {
    const rows = await readTenant(db, ctx, (tx) => tx.select({ c: contacts, last: lastContactAt }).from(contacts).where(eq(contacts.id, id)).limit(1));
    if (!rows[0]) throw notFound('contact');
    return presentContact(rows[0].c, rows[0].last);
  },

  async create(db: Db, ctx: TenantContext, input: z.infer<typeof ContactCreate>) {
    return withTenant(db, ctx, async (tx) => {
      const acc = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
      if (!acc.length) throw unknownRef('body.accountId', 'account');
      await checkReportsTo(tx, input.accountId, null, input.reportsToId);
      const [row] = await tx.insert(contacts).values({ ...input, organizationId: ctx.orgId }).returning();
      await recordActivity(tx, ctx, { entityType: 'contact', entityId: row!.id, accountId: input.accountId, action: 'contact.created', data: { name: row!.name, buyingRoles: row!.buyingRoles, isCoach: row!.isCoach } });
      return presentContact(row!, null);
    });
  },

  async update(db: Db, ctx: TenantContext, id: string, patch: z.infer<typeof ContactPatch>) {
    return withTenant(db, ctx, async (tx) => {
      const rows = await tx.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      const before = rows[0];
      if (!before) throw notFound('contact');
      if (patch.reportsToId !== undefined) await checkReportsTo(tx, before.accountId, id, patch.reportsToId);
      const changes = diff(before as unknown as Record<string, unknown>, patch);
      if (!Object.keys(changes).length) return presentContact(before, null);
      const [row] = await tx.update(contacts).set({ ...patch, updatedAt: new Date() }).where(eq(contacts.id, id)).returning();
      await recordActivity(tx, ctx, { entityType: 'contact', entityId: id, accountId: before.accountId, action: 'contact.updated', data: { name: before.name, changes } });
      return presentContact(row!, null);
    });
  },

  async remove(db: Db, ctx: TenantContext, id: string) {
    await withTenant(db, ctx, async (tx) => {
      const rows = await tx.select().from(contacts).where(eq(contacts.id, id)).limit(1);
      const before = rows[0];
      if (!before) throw notFound('contact');
      if (ctx.role === 'member') throw new AppError('forbidden', 'contact.forbidden', text('只有经理和管理员可以删除联系人。', 'Only managers and admins delete contacts.'));
      await tx.update(contacts).set({ reportsToId: before.reportsToId }).where(eq(contacts.reportsToId, id));
      await tx.delete(contacts).where(eq(contacts.id, id));
      await recordActivity(tx, ctx, { entityType: 'contact', entityId: id, accountId: before.accountId, action: 'contact.deleted', data: { name: before.name } });
    });
  },
};
