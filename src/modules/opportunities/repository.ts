// Data access for opportunities. The analysis loader fetches everything the
// domain rules need for one opportunity in a single round trip.
import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { executePrepared } from '../../db/prepared';
import { accounts, opportunities, stageMoves, user, activities } from '../../db/schema/index';
import type { TenantContext } from '../../db/tenant';

export type OpportunityRow = typeof opportunities.$inferSelect;

export interface AnalysisRow {
  opp: OpportunityRow;
  accountName: string;
  industry: string;
  ownerName: string;
  evidence: { id: string; type: string; occurredAt: string; sourceContactId: string | null; verified: boolean; value: string | null }[];
  contacts: { id: string; name: string; title: string | null; roles: string[]; isCoach: boolean; attitude: string; influence: number }[];
  interactions: { occurredAt: string; contactIds: string[] }[];
  facts: { kind: string; value: string; sourceContactIds: string[]; verified: boolean; updatedAt: string }[];
  competitors: { id: string; competitorId: string; name: string; position: string; strengths: string | null; weaknesses: string | null; updatedAt: string }[];
  openTaskKeys: string[];
  riskThresholds: Record<string, unknown> | null;
  stageDurationP75: Record<string, number>;
}

/**
 * Members of an organization set to "own opportunities only" see only what they
 * own; everybody else sees all. Evaluated inside the query: no extra round trip.
 */
export function visibleTo(ctx: TenantContext, cols: { ownerId: SQL | typeof opportunities.ownerId; organizationId: SQL | typeof opportunities.organizationId } = { ownerId: sql`"opportunities"."owner_id"`, organizationId: sql`"opportunities"."organization_id"` }): SQL | undefined {
  if (ctx.role !== 'member') return undefined;
  return sql`(${cols.ownerId} = ${ctx.userId} or exists (select 1 from org_settings s where s.organization_id = ${cols.organizationId} and s.opportunity_visibility = 'all'))`;
}

export interface ListFilter {
  processModel?: string;
  stage?: string[];
  outcome?: string[];
  ownerId?: string[];
  accountId?: string;
  industry?: string[];
  risk?: string[];
  minValue?: number;
  maxValue?: number;
  q?: string;
}

function filterConds(ctx: TenantContext, f: ListFilter): SQL[] {
  // The tenant condition is spelled out (RLS enforces it too) so the planner can
  // use the (organization_id, …) indexes for ordered scans.
  const c: SQL[] = [eq(opportunities.organizationId, ctx.orgId)];
  const vis = visibleTo(ctx);
  if (vis) c.push(vis);
  if (f.processModel) c.push(eq(opportunities.processModel, f.processModel));
  if (f.stage?.length) c.push(inArray(opportunities.stage, f.stage));
  if (f.outcome?.length) c.push(inArray(opportunities.outcome, f.outcome));
  if (f.ownerId?.length) c.push(inArray(opportunities.ownerId, f.ownerId));
  if (f.accountId) c.push(eq(opportunities.accountId, f.accountId));
  if (f.industry?.length) c.push(inArray(accounts.industry, f.industry));
  if (f.risk?.length) c.push(sql`${opportunities.riskCodes} && ${sql.param(f.risk)}::text[]`);
  if (f.minValue !== undefined) c.push(gte(opportunities.value, f.minValue));
  if (f.maxValue !== undefined) c.push(lte(opportunities.value, f.maxValue));
  if (f.q) c.push(ilike(opportunities.title, `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  return c;
}

export type SortKey = 'updatedAt' | 'value' | 'expectedDecisionDate' | 'stageEnteredAt' | 'title';
const sortColumn = {
  updatedAt: opportunities.updatedAt,
  value: opportunities.value,
  expectedDecisionDate: opportunities.expectedDecisionDate,
  stageEnteredAt: opportunities.stageEnteredAt,
  title: opportunities.title,
} as const;

/**
 * The columns of an opportunity summary, lean for the hot list and board paths:
 * timestamps come as PostgreSQL text (no Date parsing per row; presentSummary()
 * turns them into ISO strings) and value as float8.
 */
const summarySelect = sql`${opportunities.id} as "id", ${opportunities.title} as "title", ${opportunities.accountId} as "accountId",
  ${accounts.name} as "accountName", ${accounts.industry} as "industry", ${user.name} as "ownerName",
  ${opportunities.product} as "product", ${opportunities.value}::float8 as "value", ${opportunities.currency} as "currency",
  ${opportunities.processModel} as "processModel", ${opportunities.ownerId} as "ownerId", ${opportunities.expectedDecisionDate} as "expectedDecisionDate",
  ${opportunities.source} as "source", ${opportunities.stage} as "stage", ${opportunities.stageSet} as "stageSet",
  ${opportunities.stageInferred} as "stageInferred", ${opportunities.inferenceConfidence} as "inferenceConfidence",
  ${opportunities.stageEnteredAt}::text as "stageEnteredAt", ${opportunities.outcome} as "outcome", ${opportunities.riskCodes} as "riskCodes",
  ${opportunities.lastInteractionAt}::text as "lastInteractionAt", ${opportunities.createdAt}::text as "createdAt", ${opportunities.updatedAt}::text as "updatedAt"`;

const summaryFrom = sql`${opportunities} join ${accounts} on ${accounts.id} = ${opportunities.accountId} join ${user} on ${user.id} = ${opportunities.ownerId}`;

/** A row of summarySelect. */
export interface SummaryRow {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  industry: string;
  ownerName: string;
  product: string | null;
  value: number;
  currency: string;
  processModel: string;
  ownerId: string;
  expectedDecisionDate: string | null;
  source: string | null;
  stage: string;
  stageSet: string | null;
  stageInferred: string;
  inferenceConfidence: number;
  stageEnteredAt: string;
  outcome: string;
  riskCodes: string[];
  lastInteractionAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const opportunityRepo = {
  /** One page (and one row more, to tell whether another page follows). */
  async list(tx: Tx, ctx: TenantContext, f: ListFilter & { sort: SortKey; order: 'asc' | 'desc'; limit: number; after: [unknown, string] | null }) {
    const col = sortColumn[f.sort];
    // Only the decision date may be null; NOT NULL columns sort without NULLS LAST
    // so that a backward scan of their index serves the descending order.
    const nullable = f.sort === 'expectedDecisionDate';
    const conds = filterConds(ctx, f);
    if (f.after) {
      const [raw, id] = f.after;
      const cmp = f.order === 'asc' ? sql.raw('>') : sql.raw('<');
      if (raw === null) {
        // Rows whose sort value is null come last in either order (NULLS LAST).
        conds.push(sql`(${col} is null and ${opportunities.id} ${cmp} ${id})`);
      } else {
        // Timestamps travel as PostgreSQL text, keeping microseconds a JS Date would lose.
        const cast = f.sort === 'updatedAt' || f.sort === 'stageEnteredAt' ? sql.raw('::timestamptz') : f.sort === 'expectedDecisionDate' ? sql.raw('::date') : f.sort === 'value' ? sql.raw('::numeric') : sql.raw('::text');
        const v = sql`${String(raw)}${cast}`;
        conds.push(nullable ? sql`(${col} ${cmp} ${v} or (${col} = ${v} and ${opportunities.id} ${cmp} ${id}) or ${col} is null)` : sql`(${col} ${cmp} ${v} or (${col} = ${v} and ${opportunities.id} ${cmp} ${id}))`);
      }
    }
    const dir = f.order === 'asc' ? asc : desc;
    const order = nullable ? sql`${dir(col)} nulls last, ${dir(opportunities.id)}` : sql`${dir(col)}, ${dir(opportunities.id)}`;
    // Prepared: the text varies only with which filters are present, not their values.
    const rows = await executePrepared(tx, sql`select ${summarySelect}, ${col}::text as "sortKey" from ${summaryFrom} where ${and(...conds)} order by ${order} limit ${f.limit + 1}`);
    return rows as unknown as (SummaryRow & { sortKey: string | null })[];
  },

  async boardTotals(tx: Tx, ctx: TenantContext, f: ListFilter & { processModel: string }) {
    const conds = filterConds(ctx, { ...f, outcome: ['open'] });
    return tx
      .select({ stage: opportunities.stage, count: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${opportunities.value}), 0)::float8` })
      .from(opportunities)
      .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
      .where(and(...conds))
      .groupBy(opportunities.stage);
  },

  /** The first `perStage` open opportunities of each stage by value. */
  async boardItems(tx: Tx, ctx: TenantContext, f: ListFilter & { processModel: string; perStage: number }): Promise<SummaryRow[]> {
    const conds = filterConds(ctx, { ...f, outcome: ['open'] });
    const res = await tx.execute(sql`
      select b.* from (
        select ${summarySelect}, row_number() over (partition by ${opportunities.stage} order by ${opportunities.value} desc, ${opportunities.id}) as rn
        from ${summaryFrom}
        where ${and(...conds)}
      ) b
      where b.rn <= ${f.perStage}
      order by b."value" desc, b."id"`);
    return res.rows as unknown as SummaryRow[];
  },

  /** Everything the domain rules need about one opportunity, in one query. */
  async analysis(tx: Tx, ctx: TenantContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<AnalysisRow | null> {
    const vis = visibleTo(ctx, { ownerId: sql`o.owner_id`, organizationId: sql`o.organization_id` });
    // Prepared: planning this statement costs more than running it (decision 0004).
    const rows = await executePrepared(tx, sql`
      select row_to_json(o.*) as opp, a.name as account_name, a.industry, u.name as owner_name,
        (select coalesce(json_agg(json_build_object('id', e.id, 'type', e.type, 'occurredAt', e.occurred_at, 'sourceContactId', e.source_contact_id, 'verified', e.verified, 'value', e.value) order by e.occurred_at, e.created_at), '[]'::json)
           from evidence_items e where e.organization_id = o.organization_id and e.opportunity_id = o.id) as evidence,
        (select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'title', c.title, 'roles', c.buying_roles, 'isCoach', c.is_coach, 'attitude', c.attitude, 'influence', c.influence) order by c.influence desc, c.name), '[]'::json)
           from contacts c where c.organization_id = o.organization_id and c.account_id = o.account_id) as contacts,
        (select coalesce(json_agg(json_build_object('occurredAt', i.occurred_at, 'contactIds', i.contact_ids)), '[]'::json)
           from interactions i where i.organization_id = o.organization_id and i.opportunity_id = o.id) as interactions,
        (select coalesce(json_agg(json_build_object('kind', f.kind, 'value', f.value, 'sourceContactIds', f.source_contact_ids, 'verified', f.verified, 'updatedAt', f.updated_at)), '[]'::json)
           from opportunity_facts f where f.opportunity_id = o.id) as facts,
        (select coalesce(json_agg(json_build_object('id', oc.id, 'competitorId', oc.competitor_id, 'name', c.name, 'position', oc.position, 'strengths', oc.strengths, 'weaknesses', oc.weaknesses, 'updatedAt', oc.updated_at) order by c.name), '[]'::json)
           from opportunity_competitors oc join competitors c on c.id = oc.competitor_id where oc.opportunity_id = o.id) as competitors,
        (select coalesce(array_agg(t.playbook_key), '{}') from tasks t where t.organization_id = o.organization_id and t.opportunity_id = o.id and t.status = 'open' and t.playbook_key is not null) as open_task_keys,
        s.risk_thresholds, coalesce(s.stage_duration_p75, '{}'::jsonb) as stage_duration_p75
      from opportunities o
      join accounts a on a.id = o.account_id
      join "user" u on u.id = o.owner_id
      left join org_settings s on s.organization_id = o.organization_id
      where o.id = ${id} ${vis ? sql`and ${vis}` : sql``}
      ${opts.forUpdate ? sql`for update of o` : sql``}`);
    const r = rows[0];
    if (!r) return null;
    return {
      opp: rowToOpportunity(r.opp as Record<string, unknown>),
      accountName: r.account_name as string,
      industry: r.industry as string,
      ownerName: r.owner_name as string,
      evidence: r.evidence as AnalysisRow['evidence'],
      contacts: r.contacts as AnalysisRow['contacts'],
      interactions: r.interactions as AnalysisRow['interactions'],
      facts: r.facts as AnalysisRow['facts'],
      competitors: r.competitors as AnalysisRow['competitors'],
      openTaskKeys: r.open_task_keys as string[],
      riskThresholds: (r.risk_thresholds as Record<string, unknown> | null) ?? null,
      stageDurationP75: r.stage_duration_p75 as Record<string, number>,
    };
  },

  async insert(tx: Tx, values: typeof opportunities.$inferInsert) {
    const [row] = await tx.insert(opportunities).values(values).returning();
    return row!;
  },

  async update(tx: Tx, id: string, patch: Partial<typeof opportunities.$inferInsert>) {
    const [row] = await tx.update(opportunities).set({ ...patch, updatedAt: new Date() }).where(eq(opportunities.id, id)).returning();
    return row!;
  },

  /** An update, unsent (see db/batch); `touch: false` for background refreshes, which leave updated_at alone. */
  updateStatement(tx: Tx, id: string, patch: Partial<typeof opportunities.$inferInsert>, opts: { touch: boolean }) {
    return tx.update(opportunities).set(opts.touch ? { ...patch, updatedAt: new Date() } : patch).where(eq(opportunities.id, id));
  },

  /** A stage move, unsent (see db/batch). */
  stageMoveInsert(tx: Tx, values: typeof stageMoves.$inferInsert) {
    return tx.insert(stageMoves).values(values);
  },

  async stageHistory(tx: Tx, id: string) {
    return tx
      .select({ m: stageMoves, actorName: user.name })
      .from(stageMoves)
      .leftJoin(user, eq(user.id, stageMoves.actorId))
      .where(eq(stageMoves.opportunityId, id))
      .orderBy(desc(stageMoves.at), desc(stageMoves.id));
  },

  /**
   * Activities newest first: by when they happened, then by id. `before` is the
   * last entry of the previous page, its time as PostgreSQL text (exact to the
   * microsecond, which a JavaScript Date is not).
   */
  async timeline(tx: Tx, where: SQL, limit: number, before: [string, number] | null) {
    return tx
      .select({ a: activities, actorName: user.name, atKey: sql<string>`${activities.at}::text` })
      .from(activities)
      .leftJoin(user, eq(user.id, activities.actorId))
      .where(before ? and(where, sql`(${activities.at}, ${activities.id}) < (${before[0]}::timestamptz, ${before[1]})`) : where)
      .orderBy(desc(activities.at), desc(activities.id))
      .limit(limit + 1);
  },
};

/** row_to_json gives snake_case keys and string timestamps; map to the drizzle row shape. */
function rowToOpportunity(r: Record<string, unknown>): OpportunityRow {
  const d = (v: unknown) => (v == null ? null : new Date(v as string));
  return {
    id: r.id as string,
    organizationId: r.organization_id as string,
    accountId: r.account_id as string,
    title: r.title as string,
    product: (r.product as string | null) ?? null,
    value: Number(r.value),
    currency: r.currency as string,
    processModel: r.process_model as string,
    ownerId: r.owner_id as string,
    expectedDecisionDate: (r.expected_decision_date as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    stageSet: (r.stage_set as string | null) ?? null,
    stageInferred: r.stage_inferred as string,
    inferenceConfidence: Number(r.inference_confidence),
    stage: r.stage as string,
    stageEnteredAt: d(r.stage_entered_at)!,
    outcome: r.outcome as string,
    lostReason: (r.lost_reason as string | null) ?? null,
    winningCompetitorId: (r.winning_competitor_id as string | null) ?? null,
    closedAt: d(r.closed_at),
    riskCodes: (r.risk_codes as string[]) ?? [],
    firstInteractionAt: d(r.first_interaction_at),
    firstInteractionStage: (r.first_interaction_stage as string | null) ?? null,
    lastInteractionAt: d(r.last_interaction_at),
    interactionCount: Number(r.interaction_count ?? 0),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: d(r.created_at)!,
    updatedAt: d(r.updated_at)!,
  };
}
