// Next actions: tasks with an owner and a due date, added by hand or from the
// playbook suggestions of an opportunity.
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, forbidden, invalidField, notFound, unknownRef } from '../../server/errors';
import { diff, recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { withSuggestions } from '../opportunities/service';
import type { TaskCreate, TaskListQuery, TaskPatch } from './schema';
import { text } from '../../domain/i18n';
import { taskPolicy } from './policy';
import { taskRepo, type TaskListRow } from './repository';

function present(r: TaskListRow, today: string) {
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

async function assertMember(tx: Tx, orgId: string, userId: string) {
  if (!(await taskRepo.isMember(tx, orgId, userId))) throw unknownRef('body.ownerId', 'member');
}

export const taskService = {
  async list(db: Db, ctx: TenantContext, q: z.infer<typeof TaskListQuery>) {
    const after = decodeCursor(q.cursor, [CursorKey.date.nullable(), CursorKey.id]);
    return readTenant(db, ctx, async (tx) => {
      const rows = await taskRepo.page(tx, ctx, { opportunityId: q.opportunityId, ownerId: q.ownerId, status: q.status, after, limit: q.limit });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const d = today();
      return { items: page.map((r) => present(r, d)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.t.dueDate, last.t.id]) : null };
    });
  },

  async create(db: Db, ctx: TenantContext, input: z.infer<typeof TaskCreate>, locale: 'zh-CN' | 'en' = 'en') {
    return withTenant(db, ctx, async (tx) => {
      const found = await withSuggestions(tx, ctx, input.opportunityId);
      if (!found) throw unknownRef('body.opportunityId', 'opportunity');
      const { row } = found;
      const ownerId = input.ownerId ?? ctx.userId;
      if (ownerId !== ctx.userId) await assertMember(tx, ctx.orgId, ownerId);
      let title = input.title ?? '';
      if (input.playbookKey) {
        const suggestion = found.suggestions.find((s) => s.key === input.playbookKey);
        if (!suggestion) {
          const open = row.openTaskKeys.includes(input.playbookKey);
          throw new AppError(open ? 'conflict' : 'invalid', open ? 'task.already_open' : 'validation_failed', open ? text('这条建议已有未完成的待办。', 'An open task exists for this suggestion.') : text('body.playbookKey：不是当前的建议', 'body.playbookKey: is not a current suggestion'), [
            { field: 'body.playbookKey', message: open ? text('已有未完成的待办', 'has an open task already') : text('不是该商机当前的建议', 'is not a current suggestion for this opportunity'), code: open ? 'duplicate' : 'unknown_suggestion' },
          ]);
        }
        title = input.title || suggestion.title[locale];
      }
      const t = await taskRepo.insert(tx, { organizationId: ctx.orgId, opportunityId: input.opportunityId, title, ownerId, dueDate: input.dueDate ?? null, origin: input.playbookKey ? 'playbook' : 'manual', playbookKey: input.playbookKey ?? null });
      await recordActivity(tx, ctx, { entityType: 'task', entityId: t.id, accountId: row.opp.accountId, opportunityId: input.opportunityId, action: 'task.created', data: { title, dueDate: t.dueDate, origin: t.origin } });
      return present((await taskRepo.get(tx, ctx, t.id))!, today());
    });
  },

  async update(db: Db, ctx: TenantContext, id: string, patch: z.infer<typeof TaskPatch>) {
    return withTenant(db, ctx, async (tx) => {
      const before = await taskRepo.get(tx, ctx, id);
      if (!before) throw notFound('task');
      if (patch.ownerId && patch.ownerId !== before.t.ownerId && !taskPolicy.reassign(ctx, before.t.ownerId)) {
        throw forbidden('task.forbidden', text('只有待办负责人或经理可以转交待办。', 'Only the task owner or a manager reassigns a task.'));
      }
      if (patch.ownerId && patch.ownerId !== before.t.ownerId) await assertMember(tx, ctx.orgId, patch.ownerId);
      const changes = diff(before.t as unknown as Record<string, unknown>, patch);
      if (!Object.keys(changes).length) return present(before, today());
      await taskRepo.update(tx, id, { ...patch, ...(patch.status ? { completedAt: patch.status === 'done' ? new Date() : null } : {}) });
      await recordActivity(tx, ctx, { entityType: 'task', entityId: id, opportunityId: before.t.opportunityId, action: patch.status === 'done' ? 'task.completed' : 'task.updated', data: { title: before.t.title, changes } });
      return present((await taskRepo.get(tx, ctx, id))!, today());
    });
  },
};
