// Next actions: tasks with an owner and a due date, added by hand or from the
// playbook suggestions of an opportunity.
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { member, opportunities, tasks, user } from '../../db/schema/index';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, forbidden, invalidField, notFound, unknownRef } from '../../server/errors';
import { diff, recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { opportunityRepo, visibleTo } from '../opportunities/repository';
import { processModelService } from '../process-models/service';
import { analyse } from '../opportunities/analysis';
import type { TaskCreate, TaskListQuery, TaskPatch } from './schema';
import { text } from '../../domain/i18n';
import { taskPolicy } from './policy';

const cols = { t: tasks, opportunityTitle: opportunities.title, ownerName: user.name };

function present(r: { t: typeof tasks.$inferSelect; opportunityTitle: string; ownerName: string }, today: string) {
  const t = r.t;
  return {
    id: t.id,
    opportunityId: t.opportunityId,
    opportunityTitle: r.opportunityTitle,
    title: t.title,
    ownerId: t.ownerId,
    ownerName: r.ownerName,
    dueDate: t.dueDate,
    status: t.status as 'open' | 'done',
    origin: t.origin as 'playbook' | 'manual',
    playbookKey: t.playbookKey,
    overdue: t.status === 'open' && t.dueDate !== null && t.dueDate < today,
    completedAt: t.completedAt ? t.completedAt.toISOString() : null,
    createdAt: t.createdAt.toISOString(),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

async function one(tx: Tx, ctx: TenantContext, id: string) {
  const vis = visibleTo(ctx);
  const rows = await tx
    .select(cols)
    .from(tasks)
    .innerJoin(opportunities, eq(opportunities.id, tasks.opportunityId))
    .innerJoin(user, eq(user.id, tasks.ownerId))
    .where(vis ? and(eq(tasks.id, id), vis) : eq(tasks.id, id))
    .limit(1);
  return rows[0] ?? null;
}

async function assertMember(tx: Tx, orgId: string, userId: string) {
  const rows = await tx.select({ id: member.id }).from(member).where(and(eq(member.organizationId, orgId), eq(member.userId, userId))).limit(1);
  if (!rows.length) throw unknownRef('body.ownerId', 'member');
}

export const taskService = {
  async list(db: Db, ctx: TenantContext, q: z.infer<typeof TaskListQuery>) {
    const after = decodeCursor(q.cursor, [CursorKey.date.nullable(), CursorKey.id]);
    return readTenant(db, ctx, async (tx) => {
      const conds: SQL[] = [];
      const vis = visibleTo(ctx);
      if (vis) conds.push(vis);
      if (q.opportunityId) conds.push(eq(tasks.opportunityId, q.opportunityId));
      if (q.ownerId) conds.push(eq(tasks.ownerId, q.ownerId));
      if (q.status) conds.push(eq(tasks.status, q.status));
      // Order: due date (none last), then id.
      const due = sql`coalesce(${tasks.dueDate}, '9999-12-31'::date)`;
      if (after) conds.push(or(sql`${due} > ${after[0] ?? '9999-12-31'}::date`, and(sql`${due} = ${after[0] ?? '9999-12-31'}::date`, gt(tasks.id, after[1])))!);
      const rows = await tx
        .select(cols)
        .from(tasks)
        .innerJoin(opportunities, eq(opportunities.id, tasks.opportunityId))
        .innerJoin(user, eq(user.id, tasks.ownerId))
        .where(and(...conds))
        .orderBy(asc(due), asc(tasks.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const d = today();
      return { items: page.map((r) => present(r, d)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.t.dueDate, last.t.id]) : null };
    });
  },

  async create(db: Db, ctx: TenantContext, input: z.infer<typeof TaskCreate>, locale: 'zh-CN' | 'en' = 'en') {
    return withTenant(db, ctx, async (tx) => {
      const row = await opportunityRepo.analysis(tx, ctx, input.opportunityId);
      if (!row) throw unknownRef('body.opportunityId', 'opportunity');
      const ownerId = input.ownerId ?? ctx.userId;
      if (ownerId !== ctx.userId) await assertMember(tx, ctx.orgId, ownerId);
      let title = input.title ?? '';
      if (input.playbookKey) {
        const model = await processModelService.resolve(tx, row.opp.processModel);
        const suggestion = model ? analyse(row, model, new Date()).suggestions.find((s) => s.key === input.playbookKey) : undefined;
        if (!suggestion) {
          const open = row.openTaskKeys.includes(input.playbookKey);
          throw new AppError(open ? 'conflict' : 'invalid', open ? 'task.already_open' : 'validation_failed', open ? text('这条建议已有未完成的待办。', 'An open task exists for this suggestion.') : text('body.playbookKey：不是当前的建议', 'body.playbookKey: is not a current suggestion'), [
            { field: 'body.playbookKey', message: open ? text('已有未完成的待办', 'has an open task already') : text('不是该商机当前的建议', 'is not a current suggestion for this opportunity'), code: open ? 'duplicate' : 'unknown_suggestion' },
          ]);
        }
        title = input.title || suggestion.title[locale];
      }
      const [t] = await tx
        .insert(tasks)
        .values({ organizationId: ctx.orgId, opportunityId: input.opportunityId, title, ownerId, dueDate: input.dueDate ?? null, origin: input.playbookKey ? 'playbook' : 'manual', playbookKey: input.playbookKey ?? null })
        .returning();
      await recordActivity(tx, ctx, { entityType: 'task', entityId: t!.id, accountId: row.opp.accountId, opportunityId: input.opportunityId, action: 'task.created', data: { title, dueDate: t!.dueDate, origin: t!.origin } });
      return present((await one(tx, ctx, t!.id))!, today());
    });
  },

  async update(db: Db, ctx: TenantContext, id: string, patch: z.infer<typeof TaskPatch>) {
    return withTenant(db, ctx, async (tx) => {
      const before = await one(tx, ctx, id);
      if (!before) throw notFound('task');
      if (patch.ownerId && patch.ownerId !== before.t.ownerId && !taskPolicy.reassign(ctx, before.t.ownerId)) {
        throw forbidden('task.forbidden', text('只有待办负责人或经理可以转交待办。', 'Only the task owner or a manager reassigns a task.'));
      }
      if (patch.ownerId && patch.ownerId !== before.t.ownerId) await assertMember(tx, ctx.orgId, patch.ownerId);
      const changes = diff(before.t as unknown as Record<string, unknown>, patch);
      if (!Object.keys(changes).length) return present(before, today());
      await tx
        .update(tasks)
        .set({ ...patch, ...(patch.status ? { completedAt: patch.status === 'done' ? new Date() : null } : {}) })
        .where(eq(tasks.id, id));
      await recordActivity(tx, ctx, { entityType: 'task', entityId: id, opportunityId: before.t.opportunityId, action: patch.status === 'done' ? 'task.completed' : 'task.updated', data: { title: before.t.title, changes } });
      return present((await one(tx, ctx, id))!, today());
    });
  },
};
