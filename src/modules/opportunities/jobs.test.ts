import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { refreshOrganizationStats } from './jobs';

let env: TestEnv;
let a: TestUser;
beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp();
});
afterAll(() => env.close());

describe('nightly statistics job', () => {
  it("computes the organization's p75 days per stage and refreshes time-driven risks without touching updated_at", async () => {
    const acc = (await env.request(a, 'POST', '/api/v1/accounts', { name: '客户' })).body;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const o = (await env.request(a, 'POST', '/api/v1/opportunities', { accountId: acc.id, title: `项目 ${i}` })).body;
      ids.push(o.id);
      await env.request(a, 'POST', `/api/v1/opportunities/${o.id}/stage`, { stage: 'feasibility_and_budget' });
      await env.request(a, 'POST', `/api/v1/opportunities/${o.id}/stage`, { stage: 'project_and_team' });
    }
    // Histories: i-th opportunity spent (i+1)*10 days in feasibility_and_budget.
    for (const [i, id] of ids.entries()) {
      await env.sql(
        `update stage_moves set at = now() - make_interval(days => $2) where opportunity_id = $1 and to_stage = 'feasibility_and_budget'`,
        [id, (i + 1) * 10 + 5],
      );
      await env.sql(`update stage_moves set at = now() - interval '5 days' where opportunity_id = $1 and to_stage = 'project_and_team'`, [id]);
    }
    // One opportunity has been silent for 200 days in its stage.
    await env.sql(`update opportunities set stage_entered_at = now() - interval '200 days', created_at = now() - interval '300 days' where id = $1`, [ids[0]]);
    const before = (await env.sql(`select updated_at, risk_codes from opportunities where id = $1`, [ids[0]]))[0];
    expect(before.risk_codes).not.toContain('information_island');

    await refreshOrganizationStats(env.ownerUrl, env.rt, { orgIds: [a.orgId] });

    const s = (await env.sql(`select stage_duration_p75 from org_settings where organization_id = $1`, [a.orgId]))[0].stage_duration_p75;
    // days 10,20,…,60 → p75 by linear interpolation = 47.5
    expect(s['internal-8:feasibility_and_budget']).toBeCloseTo(47.5, 0);
    const after = (await env.sql(`select updated_at, risk_codes from opportunities where id = $1`, [ids[0]]))[0];
    expect(after.risk_codes).toContain('information_island');
    expect(after.updated_at.getTime()).toBe(before.updated_at.getTime());
  });
});
