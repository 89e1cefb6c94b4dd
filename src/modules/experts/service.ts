// The expert pool (专家库, issue 8 §1): Procura users a buyer may draw onto its
// evaluation committees, with their fields, titles and years. One person may be
// in the pools of several buyers; each pool is its buyer's own.
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { text } from '../../domain/i18n';
import { AppError, forbidden, issuesError, notFound } from '../../server/errors';
import type { Clock } from '../../server/clock';
import { recordAudit } from '../audit/service';
import { organizationService } from '../organizations/service';
import { requireBuyer } from '../shared/sides';
import { expertPolicy } from './policy';
import { expertRepo, type ExpertRow } from './repository';
import type { ExpertCreate, ExpertPatch } from './schema';

type Deps = { db: Db; clock: Clock };

function requireKeeper(ctx: TenantContext) {
  if (!expertPolicy.manage(ctx.role)) throw forbidden('expert.forbidden', text('只有经理及以上可以维护专家库。', 'Managers and up keep the expert pool.'));
}

const present = (e: ExpertRow, who: { name: string; email: string } | undefined) => ({
  userId: e.userId,
  name: who?.name ?? '',
  email: who?.email ?? '',
  fields: e.fields,
  title: e.title,
  years: e.years,
  active: e.active,
  createdAt: e.createdAt.toISOString(),
});

export const expertService = {
  async list(deps: Deps, ctx: TenantContext) {
    requireBuyer(ctx);
    const rows = await readTenant(deps.db, ctx, (tx) => expertRepo.list(tx, ctx.orgId));
    const people = await organizationService.people(deps.db, rows.map((r) => r.userId));
    return { items: rows.map((r) => present(r, people.get(r.userId))) };
  },

  /** The pool as the draw sees it: active experts with their fields (inside the caller's transaction). */
  pool: (tx: Parameters<typeof expertRepo.list>[0], orgId: string) => expertRepo.list(tx, orgId),

  async add(deps: Deps, ctx: TenantContext, body: z.infer<typeof ExpertCreate>) {
    requireBuyer(ctx);
    requireKeeper(ctx);
    const person = await organizationService.personByEmail(deps.db, body.email);
    if (!person) throw issuesError([{ field: 'body.email', message: text('没有使用这个邮箱的 Procura 用户；请专家先注册', 'no Procura user has this e-mail; ask the expert to sign up first'), code: 'not_found' }]);
    // The buyer's own people sit on its committees as its staff, never as the experts who must be two thirds.
    if ((await organizationService.membershipsOf(deps.db, [person.id])).get(person.id)?.has(ctx.orgId)) {
      throw issuesError([{ field: 'body.email', message: text('这是本组织的成员：可作为采购人代表进入评标委员会，不能作为专家', "is a member of this organization: they sit on committees as the buyer's staff, not as experts"), code: 'own_member' }]);
    }
    const now = deps.clock.now();
    const row = await withTenant(deps.db, ctx, async (tx) => {
      const v = { organizationId: ctx.orgId, userId: person.id, fields: [...new Set(body.fields)], title: body.title, years: body.years, active: true, addedBy: ctx.userId, createdAt: now, updatedAt: now };
      if (!(await expertRepo.insert(tx, v))) throw new AppError('conflict', 'expert.exists', text('这位专家已在专家库中。', 'This expert is in the pool already.'));
      await recordAudit(tx, ctx, { at: now, action: 'expert.added', subjectId: person.id, data: { fields: v.fields, title: v.title, years: v.years } });
      return present(v as ExpertRow, person);
    });
    return row;
  },

  async update(deps: Deps, ctx: TenantContext, userId: string, patch: z.infer<typeof ExpertPatch>) {
    requireBuyer(ctx);
    requireKeeper(ctx);
    const now = deps.clock.now();
    const row = await withTenant(deps.db, ctx, async (tx) => {
      const r = await expertRepo.update(tx, ctx.orgId, userId, { ...patch, ...(patch.fields ? { fields: [...new Set(patch.fields)] } : {}), updatedAt: now });
      if (!r) throw notFound('expert');
      await recordAudit(tx, ctx, { at: now, action: 'expert.updated', subjectId: userId, data: patch });
      return present(r, (await organizationService.people(deps.db, [userId])).get(userId));
    });
    return row;
  },
};
