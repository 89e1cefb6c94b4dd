// The activity log (audit trail and timeline source): every use case that
// changes something records what changed, who did it and when, in the same
// transaction as the change.
import type { Tx } from '../../db/client';
import { activities } from '../../db/schema/index';
import { actorOf, type TenantContext } from '../../db/tenant';

export interface ActivityInput {
  entityType: string;
  entityId: string;
  action: string;
  accountId?: string | null;
  opportunityId?: string | null;
  projectId?: string | null;
  data?: Record<string, unknown>;
}

export async function recordActivity(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, a: ActivityInput | ActivityInput[]) {
  const insert = activityInsert(tx, ctx, a);
  if (insert) await insert;
}

/** The insert of activity records, unsent: to go out with other writes (see db/batch). */
export function activityInsert(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, a: ActivityInput | ActivityInput[]) {
  const list = Array.isArray(a) ? a : [a];
  if (!list.length) return null;
  return tx.insert(activities).values(
    list.map((x) => ({
      organizationId: ctx.orgId,
      actorId: actorOf(ctx.userId),
      entityType: x.entityType,
      entityId: x.entityId,
      action: x.action,
      accountId: x.accountId ?? null,
      opportunityId: x.opportunityId ?? null,
      projectId: x.projectId ?? null,
      data: x.data ?? {},
    })),
  );
}

/** Field-by-field diff of an update, for the timeline: { field: [old, new] }. */
export function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const old = before[k];
    if (JSON.stringify(old ?? null) !== JSON.stringify(v ?? null)) out[k] = [old ?? null, v ?? null];
  }
  return out;
}
