// Scheduled statistics: per organization, the 75th percentile of days spent in
// each stage of each process model (closed and moved-on stages), which the
// "decision delayed" risk compares against; then the risk codes of open
// opportunities are refreshed, because time alone makes some risks appear.
import pg from 'pg';
import { percentile } from '../../domain/stats';
import type { Runtime } from '../../server/runtime';
import { withTenant } from '../../db/tenant';
import { reanalyze } from './service';

export async function refreshOrganizationStats(ownerUrl: string, rt: Runtime, opts: { orgIds?: string[] } = {}) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const orgs = opts.orgIds ?? (await client.query<{ id: string }>('select id from organization')).rows.map((r) => r.id);
    for (const orgId of orgs) {
      // Time in a stage = from entering it to the next move of the same opportunity.
      const r = await client.query<{ key: string; days: number[] }>(
        `select o.process_model || ':' || m.to_stage as key,
                array_agg(extract(epoch from (m.next_at - m.at)) / 86400.0) as days
           from (select opportunity_id, to_stage, at, lead(at) over (partition by opportunity_id order by at) as next_at
                   from stage_moves where organization_id = $1) m
           join opportunities o on o.id = m.opportunity_id
          where m.next_at is not null
          group by 1`,
        [orgId],
      );
      const p75: Record<string, number> = {};
      for (const row of r.rows) {
        const v = percentile(row.days.map(Number), 0.75);
        if (v !== null && row.days.length >= 5) p75[row.key] = Math.round(v * 10) / 10;
      }
      await client.query(
        `insert into org_settings (organization_id, stage_duration_p75) values ($1, $2)
         on conflict (organization_id) do update set stage_duration_p75 = excluded.stage_duration_p75`,
        [orgId, JSON.stringify(p75)],
      );
      const owner = await client.query<{ user_id: string }>(`select user_id from member where organization_id = $1 order by (role = 'owner') desc, created_at limit 1`, [orgId]);
      const userId = owner.rows[0]?.user_id;
      if (!userId) continue;
      const open = await client.query<{ id: string }>(`select id from opportunities where organization_id = $1 and outcome = 'open'`, [orgId]);
      for (const { id } of open.rows) {
        await withTenant(rt.deps.db, { orgId, userId }, (tx) => reanalyze(tx, { orgId, userId, role: 'owner' }, id, { touch: false }));
      }
    }
  } finally {
    await client.end();
  }
}
