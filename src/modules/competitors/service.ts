// Competitors (organization-wide) and their position on each opportunity.
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, notFound } from '../../server/errors';
import { diff, recordActivity } from '../shared/activity';
import { competitorRepo, type CompetitorRow } from './repository';
import type { CompetitorCreate, CompetitorPatch } from './schema';
import { text } from '../../domain/i18n';

function present(c: CompetitorRow, n: number) {
  return { id: c.id, name: c.name, website: c.website, notes: c.notes, createdAt: c.createdAt.toISOString(), activeOpportunities: n };
}

const taken = () => new AppError('conflict', 'competitor.name_taken', text('已有同名的竞争对手。', 'A competitor with this name exists.'), [{ field: 'body.name', message: text('已被占用', 'is taken'), code: 'name_taken' }]);

export const competitorService = {
  async list(db: Db, ctx: TenantContext) {
    const rows = await readTenant(db, ctx, (tx) => competitorRepo.listWithActive(tx));
    return rows.map((r) => present(r.c, r.n));
  },
  async create(db: Db, ctx: TenantContext, input: z.infer<typeof CompetitorCreate>) {
    return withTenant(db, ctx, async (tx) => {
      const row = await competitorRepo.insert(tx, { ...input, organizationId: ctx.orgId });
      if (!row) throw taken();
      await recordActivity(tx, ctx, { entityType: 'competitor', entityId: row.id, action: 'competitor.created', data: { name: row.name } });
      return present(row, 0);
    });
  },
  async update(db: Db, ctx: TenantContext, id: string, patch: z.infer<typeof CompetitorPatch>) {
    return withTenant(db, ctx, async (tx) => {
      const before = await competitorRepo.get(tx, id);
      if (!before) throw notFound('competitor');
      if (patch.name && patch.name !== before.name && (await competitorRepo.nameTaken(tx, patch.name))) throw taken();
      const row = await competitorRepo.update(tx, id, patch);
      await recordActivity(tx, ctx, { entityType: 'competitor', entityId: id, action: 'competitor.updated', data: { changes: diff(before as unknown as Record<string, unknown>, patch) } });
      return present(row, await competitorRepo.activeCount(tx, id));
    });
  },
};
