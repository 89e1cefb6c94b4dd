// Contacts: the people of a customer, their buying roles, attitude and influence.
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, invalidField, notFound, unknownRef } from '../../server/errors';
import { diff, recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import type { ContactCreate, ContactListQuery, ContactPatch } from './schema';
import { text } from '../../domain/i18n';
import { contactPolicy } from './policy';
import { contactRepo, type ContactRow } from './repository';

export function presentContact(c: ContactRow, last: Date | string | null) {
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
  const manager = await contactRepo.get(tx, reportsToId);
  if (!manager || manager.accountId !== accountId) throw unknownRef('body.reportsToId', 'contact');
  if (contactId) {
    // No cycles: walk up from the new manager; we must not meet the contact.
    if ((await contactRepo.chainAbove(tx, reportsToId)).includes(contactId)) throw invalidField('body.reportsToId', text('会形成循环汇报关系', 'would make a reporting cycle'), 'cycle');
  }
}

export const contactService = {
  async list(db: Db, ctx: TenantContext, q: z.infer<typeof ContactListQuery>) {
    const after = decodeCursor(q.cursor, [CursorKey.text, CursorKey.id]);
    const rows = await readTenant(db, ctx, (tx) => contactRepo.page(tx, { accountId: q.accountId, q: q.q, role: q.role, after, limit: q.limit }));
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => presentContact(r.c, r.last)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.c.name, last.c.id]) : null };
  },

  async get(db: Db, ctx: TenantContext, id: string) {
    const row = await readTenant(db, ctx, (tx) => contactRepo.withLastContact(tx, id));
    if (!row) throw notFound('contact');
    return presentContact(row.c, row.last);
  },

  async create(db: Db, ctx: TenantContext, input: z.infer<typeof ContactCreate>) {
    return withTenant(db, ctx, async (tx) => {
      if (!(await contactRepo.accountExists(tx, input.accountId))) throw unknownRef('body.accountId', 'account');
      await checkReportsTo(tx, input.accountId, null, input.reportsToId);
      const row = await contactRepo.insert(tx, { ...input, organizationId: ctx.orgId });
      await recordActivity(tx, ctx, { entityType: 'contact', entityId: row.id, accountId: input.accountId, action: 'contact.created', data: { name: row.name, buyingRoles: row.buyingRoles, isCoach: row.isCoach } });
      return presentContact(row, null);
    });
  },

  async update(db: Db, ctx: TenantContext, id: string, patch: z.infer<typeof ContactPatch>) {
    return withTenant(db, ctx, async (tx) => {
      const before = await contactRepo.get(tx, id);
      if (!before) throw notFound('contact');
      if (patch.reportsToId !== undefined) await checkReportsTo(tx, before.accountId, id, patch.reportsToId);
      const changes = diff(before as unknown as Record<string, unknown>, patch);
      if (Object.keys(changes).length) {
        await contactRepo.update(tx, id, patch);
        await recordActivity(tx, ctx, { entityType: 'contact', entityId: id, accountId: before.accountId, action: 'contact.updated', data: { name: before.name, changes } });
      }
      // As a read shows it, with when we last met the contact.
      const after = (await contactRepo.withLastContact(tx, id))!;
      return presentContact(after.c, after.last);
    });
  },

  async remove(db: Db, ctx: TenantContext, id: string) {
    await withTenant(db, ctx, async (tx) => {
      const before = await contactRepo.get(tx, id);
      if (!before) throw notFound('contact');
      if (!contactPolicy.remove(ctx.role)) throw new AppError('forbidden', 'contact.forbidden', text('只有经理和管理员可以删除联系人。', 'Only managers and admins delete contacts.'));
      await contactRepo.removeKeepingLine(tx, before);
      await recordActivity(tx, ctx, { entityType: 'contact', entityId: id, accountId: before.accountId, action: 'contact.deleted', data: { name: before.name } });
    });
  },
};
