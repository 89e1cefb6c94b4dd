// Account use cases: guard → state check → transaction → activity record.
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, forbidden, notFound } from '../../server/errors';
import { diff, recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { accountPolicy } from './policy';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { activities, opportunities } from '../../db/schema/index';
import { timelinePage } from '../opportunities/service';
import { visibleTo } from '../opportunities/repository';
import { accountRepo, type AccountRow } from './repository';
import type { AccountCreate, AccountListQuery, AccountPatch } from './schema';
import { text } from '../../domain/i18n';

export function presentAccount(r: { a: AccountRow; openOpportunities: number; contacts: number }) {
  const a = r.a;
  return {
    id: a.id,
    name: a.name,
    industry: a.industry as never,
    size: (a.size ?? null) as never,
    region: a.region,
    orgStructure: a.orgStructure,
    procurementPolicies: a.procurementPolicies as never[],
    budgetCycle: (a.budgetCycle ?? null) as never,
    notes: a.notes,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    openOpportunities: r.openOpportunities,
    contacts: r.contacts,
  };
}

export const accountService = {
  async list(db: Db, ctx: TenantContext, q: z.infer<typeof AccountListQuery>) {
    const after = decodeCursor(q.cursor, [q.sort === 'name' ? CursorKey.text : CursorKey.isoTime, CursorKey.id]);
    const rows = await readTenant(db, ctx, (tx) => accountRepo.list(tx, { ...q, after }));
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const key = (r: (typeof rows)[number]) => (q.sort === 'name' ? r.a.name : q.sort === 'updatedAt' ? r.a.updatedAt.toISOString() : r.a.createdAt.toISOString());
    return { items: page.map(presentAccount), nextCursor: rows.length > q.limit && last ? encodeCursor([key(last), last.a.id]) : null };
  },

  async get(db: Db, ctx: TenantContext, id: string) {
    const row = await readTenant(db, ctx, (tx) => accountRepo.get(tx, id));
    if (!row) throw notFound('account');
    return presentAccount(row);
  },

  async create(db: Db, ctx: TenantContext, input: z.infer<typeof AccountCreate>) {
    if (!accountPolicy.create(ctx.role)) throw forbidden('account.forbidden', text('你无权新建客户。', 'You may not create accounts.'));
    return withTenant(db, ctx, async (tx) => {
      const row = await accountRepo.insert(tx, { ...input, organizationId: ctx.orgId, createdBy: ctx.userId });
      await recordActivity(tx, ctx, { entityType: 'account', entityId: row.id, accountId: row.id, action: 'account.created', data: { name: row.name } });
      return presentAccount({ a: row, openOpportunities: 0, contacts: 0 });
    });
  },

  async update(db: Db, ctx: TenantContext, id: string, patch: z.infer<typeof AccountPatch>) {
    if (!accountPolicy.update(ctx.role)) throw forbidden('account.forbidden', text('你无权编辑客户。', 'You may not edit accounts.'));
    return withTenant(db, ctx, async (tx) => {
      const before = await accountRepo.get(tx, id);
      if (!before) throw notFound('account');
      const changes = diff(before.a as unknown as Record<string, unknown>, patch);
      if (Object.keys(changes).length === 0) return presentAccount(before);
      const row = (await accountRepo.update(tx, id, patch))!;
      await recordActivity(tx, ctx, { entityType: 'account', entityId: id, accountId: id, action: 'account.updated', data: { changes } });
      return presentAccount({ ...before, a: row });
    });
  },

  /** The account's own events and those of the opportunities the caller may see. */
  async timeline(db: Db, ctx: TenantContext, id: string, q: { limit: number; cursor?: string }) {
    return readTenant(db, ctx, async (tx) => {
      if (!(await accountRepo.get(tx, id))) throw notFound('account');
      const vis = visibleTo(ctx);
      const where = vis
        ? and(eq(activities.accountId, id), or(isNull(activities.opportunityId), sql`exists (select 1 from opportunities where "opportunities"."id" = "activities"."opportunity_id" and ${vis})`))!
        : eq(activities.accountId, id);
      return timelinePage(tx, where as ReturnType<typeof eq>, q);
    });
  },

  async remove(db: Db, ctx: TenantContext, id: string) {
    await withTenant(db, ctx, async (tx) => {
      const before = await accountRepo.get(tx, id);
      if (!before) throw notFound('account');
      if (!accountPolicy.remove(ctx.role)) throw forbidden('account.forbidden', text('只有经理和管理员可以删除客户。', 'Only managers and admins delete accounts.'));
      if ((await accountRepo.opportunityCount(tx, id)) > 0) {
        throw new AppError('state', 'account.has_opportunities', text('该客户下还有商机，请先关闭或转移。', 'This account has opportunities; close or move them first.'));
      }
      await accountRepo.remove(tx, id);
      await recordActivity(tx, ctx, { entityType: 'account', entityId: id, action: 'account.deleted', data: { name: before.a.name } });
    });
  },
};
