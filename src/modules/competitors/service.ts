// Competitors (organization-wide) and their position on each opportunity.
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { competitors, opportunities, opportunityCompetitors } from '../../db/schema/index';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, notFound } from '../../server/errors';
import { diff, recordActivity } from '../shared/activity';
import type { CompetitorCreate, CompetitorPatch } from './schema';
import { text } from '../../domain/i18n';

const active = sql<number>`(select count(*)::int from ${opportunityCompetitors} oc join ${opportunities} o on o.id = oc.opportunity_id where oc.competitor_id = "competitors"."id" and o.outcome = 'open' and oc.position <> 'eliminated')`;

function present(c: typeof competitors.$inferSelect, n: number) {
  return { id: c.id, name: c.name, website: c.website, notes: c.notes, createdAt: c.createdAt.toISOString(), activeOpportunities: n };
}

const taken = () => new AppError('conflict', 'competitor.name_taken', text('已有同名的竞争对手。', 'A competitor with this name exists.'), [{ field: 'body.name', message: text('已被占用', 'is taken'), code: 'name_taken' }]);

export const competitorService = {
  async list(db: Db, ctx: TenantContext) {
    const rows = await readTenant(db, ctx, (tx) => tx.select({ c: competitors, n: active }).from(competitors).orderBy(asc(competitors.name)));
    return rows.map((r) => present(r.c, r.n));
  },
  async create(db: Db, ctx: TenantContext, input: z.infer<typeof CompetitorCreate>) {
    return withTenant(db, ctx, async (tx) => {
      const rows = await tx.insert(competitors).values({ ...input, organizationId: ctx.orgId }).onConflictDoNothing().returning();
      if (!rows[0]) throw taken();
      await recordActivity(tx, ctx, { entityType: 'competitor', entityId: rows[0].id, action: 'competitor.created', data: { name: rows[0].name } });
      return present(rows[0], 0);
    });
  },
  async update(db: Db, ctx: TenantContext, id: string, patch: z.infer<typeof CompetitorPatch>) {
    return withTenant(db, ctx, async (tx) => {
      const before = (await tx.select().from(competitors).where(eq(competitors.id, id)).limit(1))[0];
      if (!before) throw notFound('competitor');
      if (patch.name && patch.name !== before.name) {
        const clash = await tx.select({ id: competitors.id }).from(competitors).where(eq(competitors.name, patch.name)).limit(1);
        if (clash.length) throw taken();
      }
      const [row] = await tx.update(competitors).set(patch).where(eq(competitors.id, id)).returning();
      await recordActivity(tx, ctx, { entityType: 'competitor', entityId: id, action: 'competitor.updated', data: { changes: diff(before as unknown as Record<string, unknown>, patch) } });
      const n = (await tx.select({ n: active }).from(competitors).where(eq(competitors.id, id)))[0]?.n ?? 0;
      return present(row!, n);
    });
  },
};
