import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeWorld, tableCounts, type World } from '../../../tests/fixtures';

let env: TestEnv;
let a: TestUser;
let w: World;

beforeAll(async () => {
  env = await createTestEnv();
  a = await env.signUp({ org: 'Seller' });
  w = await makeWorld(env, a);
});
afterAll(() => env.close());

const get = async (id = w.opportunityId) => (await env.request(a, 'GET', `/api/v1/opportunities/${id}`)).body;

describe('inference from evidence', () => {
  it('infers the stage from the logged evidence and explains it', async () => {
    const o = await get();
    expect(o.stageInferred).toBe('feasibility_and_budget');
    expect(o.stage).toBe('feasibility_and_budget');
    expect(o.inference.evidence.map((e: { type: string }) => e.type)).toContain('budget_approved');
    expect(o.inference.evidence[0].sourceContactName).toBe('A 李工');
    expect(o.inference.independentContacts).toBe(1);
    expect(o.inference.summary.text.en.length).toBeGreaterThan(0);
    expect(o.inference.summary.text['zh-CN'].length).toBeGreaterThan(0);
    const history = (await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}/stage-history`)).body.items;
    expect(history[0]).toMatchObject({ kind: 'inferred', fromStage: 'problem_and_need', toStage: 'feasibility_and_budget', direction: 'forward' });
  });

  it('records the budget as a key fact from one source, and warns it is unverified until a second contact confirms it', async () => {
    let o = await get();
    const budget = o.facts.find((f: { kind: string }) => f.kind === 'budget');
    expect(budget).toMatchObject({ value: '3,500,000 CNY', sourceContactIds: [w.contactIds.engineer] });
    expect(o.riskCodes).toContain('unverified_facts');
    const r = await env.request(a, 'POST', '/api/v1/interactions', {
      opportunityId: w.opportunityId,
      type: 'call',
      summary: '采购部确认预算',
      contactIds: [w.contactIds.purchaser],
      evidence: [{ type: 'budget_approved', value: '3,500,000 CNY', sourceContactId: w.contactIds.purchaser }],
    });
    expect(r.status).toBe(201);
    o = await get();
    expect(o.facts.find((f: { kind: string }) => f.kind === 'budget').sourceContactIds.sort()).toEqual([w.contactIds.engineer, w.contactIds.purchaser].sort());
    expect(o.riskCodes).not.toContain('unverified_facts');
    expect(o.inference.independentContacts).toBe(2);
  });

  it('moves forward on later evidence and back on a step-back (budget cut)', async () => {
    await env.request(a, 'POST', '/api/v1/interactions', {
      opportunityId: w.opportunityId,
      type: 'document_received',
      summary: '收到技术参数草案',
      contactIds: [w.contactIds.engineer],
      evidence: [{ type: 'project_approved', sourceContactId: w.contactIds.engineer, verified: true }, { type: 'criteria_draft_received', value: '彩超参数', sourceContactId: w.contactIds.engineer }],
    });
    expect((await get()).stageInferred).toBe('purchasing_criteria');
    await env.request(a, 'POST', '/api/v1/interactions', {
      opportunityId: w.opportunityId,
      type: 'call',
      summary: '预算被削减，需重新论证',
      contactIds: [w.contactIds.purchaser],
      evidence: [{ type: 'budget_cut', sourceContactId: w.contactIds.purchaser }],
    });
    const o = await get();
    expect(o.stageInferred).toBe('feasibility_and_budget');
    expect(o.inference.stepBack).toMatchObject({ type: 'budget_cut', toStageKey: 'feasibility_and_budget' });
    const history = (await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}/stage-history`)).body.items;
    expect(history[0]).toMatchObject({ kind: 'inferred', direction: 'back', toStage: 'feasibility_and_budget' });
  });
});

describe('setting the stage by hand', () => {
  it('a move backwards needs a reason, and the set/inferred mismatch is flagged', async () => {
    const fwd = await env.request(a, 'POST', `/api/v1/opportunities/${w.opportunityId}/stage`, { stage: 'tender_and_screening' });
    expect(fwd.status).toBe(200);
    expect(fwd.body.stage).toBe('tender_and_screening');
    expect(fwd.body.stageMismatch).toBe(true);
    expect(fwd.body.inference.comparison.status).toBe('set_ahead');
    const before = await tableCounts(env);
    const back = await env.request(a, 'POST', `/api/v1/opportunities/${w.opportunityId}/stage`, { stage: 'project_and_team' });
    expect(back.status).toBe(400);
    expect(back.body.errors[0].field).toBe('body.reason');
    expect(await tableCounts(env)).toEqual(before);
    const ok = await env.request(a, 'POST', `/api/v1/opportunities/${w.opportunityId}/stage`, { stage: 'project_and_team', reason: '招标推迟' });
    expect(ok.status).toBe(200);
    const history = (await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}/stage-history`)).body.items;
    expect(history[0]).toMatchObject({ kind: 'set', direction: 'back', reason: '招标推迟', toStage: 'project_and_team' });
  });

  it('refuses a stage the model does not have', async () => {
    const r = await env.request(a, 'POST', `/api/v1/opportunities/${w.opportunityId}/stage`, { stage: 'nonsense' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ field: 'body.stage' });
  });
});

describe('buying center and risks', () => {
  it('maps roles, marks the coach, flags missing roles', async () => {
    const o = await get();
    expect(o.buyingCenter.hasCoach).toBe(true);
    expect(o.buyingCenter.missingRoles).toEqual(['supervisor']);
    const engineer = o.buyingCenter.members.find((m: { contactId: string }) => m.contactId === w.contactIds.engineer);
    expect(engineer).toMatchObject({ isCoach: true, attitude: 'supporter' });
    expect(engineer.interactions).toBeGreaterThan(0);
    for (const r of o.risks) {
      expect(r.title.en).toBeTruthy();
      expect(r.title['zh-CN']).toBeTruthy();
      expect(r.message.text.en).toBeTruthy();
    }
    expect(o.suggestions.length).toBeGreaterThan(0);
  });

  it('a new opportunity without contacts warns of no coach only from the project stage on', async () => {
    const acc = (await env.request(a, 'POST', '/api/v1/accounts', { name: '空白客户', industry: 'manufacturing' })).body;
    const o = (await env.request(a, 'POST', '/api/v1/opportunities', { accountId: acc.id, title: '新项目', value: 100000 })).body;
    expect(o.riskCodes).not.toContain('no_coach');
    const moved = (await env.request(a, 'POST', `/api/v1/opportunities/${o.id}/stage`, { stage: 'project_and_team' })).body;
    expect(moved.riskCodes).toContain('no_coach');
  });

  it('closing as lost needs a reason; a closed opportunity carries no risks', async () => {
    const acc = (await env.request(a, 'POST', '/api/v1/accounts', { name: '丢单客户', industry: 'energy' })).body;
    const o = (await env.request(a, 'POST', '/api/v1/opportunities', { accountId: acc.id, title: '丢单', value: 5 })).body;
    const bad = await env.request(a, 'POST', `/api/v1/opportunities/${o.id}/outcome`, { outcome: 'lost' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.lostReason');
    const lost = await env.request(a, 'POST', `/api/v1/opportunities/${o.id}/outcome`, { outcome: 'lost', lostReason: '价格', winningCompetitorId: w.competitorId });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ outcome: 'lost', lostReason: '价格', riskCodes: [] });
    expect(lost.body.competitors[0]).toMatchObject({ competitorId: w.competitorId, position: 'won' });
    const moved = await env.request(a, 'POST', `/api/v1/opportunities/${o.id}/stage`, { stage: 'after_sales' });
    expect(moved.status).toBe(409);
  });
});

describe('lists, board, pagination', () => {
  it('pages through every opportunity exactly once by cursor, for each sort', async () => {
    const acc = (await env.request(a, 'POST', '/api/v1/accounts', { name: '批量客户', industry: 'retail' })).body;
    for (let i = 0; i < 12; i++) {
      await env.request(a, 'POST', '/api/v1/opportunities', { accountId: acc.id, title: `批量 ${i}`, value: (i % 4) * 1000, expectedDecisionDate: i % 3 ? `2027-0${(i % 9) + 1}-01` : null });
    }
    const total = (await env.sql(`select count(*)::int n from opportunities where organization_id = $1`, [a.orgId]))[0].n;
    for (const sort of ['updatedAt', 'value', 'expectedDecisionDate', 'stageEnteredAt', 'title']) {
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const q: string = `/api/v1/opportunities?sort=${sort}&order=${order}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
          const r = await env.request(a, 'GET', q);
          expect(r.status, q).toBe(200);
          seen.push(...r.body.items.map((x: { id: string }) => x.id));
          cursor = r.body.nextCursor;
        } while (cursor);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(total);
        expect(seen.length).toBe(total);
      }
    }
  });

  it('filters by value, risk and industry', async () => {
    const r = await env.request(a, 'GET', '/api/v1/opportunities?minValue=2000&industry=retail');
    expect(r.body.items.length).toBeGreaterThan(0);
    for (const o of r.body.items) {
      expect(o.value).toBeGreaterThanOrEqual(2000);
      expect(o.industry).toBe('retail');
    }
    const risky = await env.request(a, 'GET', '/api/v1/opportunities?risk=no_coach');
    for (const o of risky.body.items) expect(o.riskCodes).toContain('no_coach');
    const bad = await env.request(a, 'GET', '/api/v1/opportunities?risk=whatever');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/^query\.risk/);
    const badCursor = await env.request(a, 'GET', '/api/v1/opportunities?cursor=garbage');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('query.cursor');
  });

  it('the board has a column per stage with counts and total values', async () => {
    const r = await env.request(a, 'GET', '/api/v1/opportunities/board?processModel=internal-8');
    expect(r.status).toBe(200);
    expect(r.body.columns.map((c: { stage: { key: string } }) => c.stage.key)).toEqual([
      'problem_and_need', 'feasibility_and_budget', 'project_and_team', 'purchasing_criteria', 'tender_and_screening', 'preferred_supplier', 'commercial_negotiation', 'contract_signing', 'after_sales',
    ]);
    const open = await env.sql(`select stage, count(*)::int n, sum(value)::float8 v from opportunities where organization_id = $1 and outcome = 'open' group by stage`, [a.orgId]);
    for (const row of open) {
      const col = r.body.columns.find((c: { stage: { key: string } }) => c.stage.key === row.stage);
      expect(col.count).toBe(row.n);
      expect(col.totalValue).toBeCloseTo(row.v);
    }
  });

  it('list rows and board cards (built by PostgreSQL) equal the summary part of the detail (built in code)', async () => {
    // Give one opportunity every optional field, a set/inferred mismatch, risks and days in stage.
    await env.request(a, 'PATCH', `/api/v1/opportunities/${w.opportunityId}`, { product: 'CT 机', source: 'referral', expectedDecisionDate: '2027-03-31' });
    await env.sql(`update opportunities set stage_entered_at = now() - interval '12 days 3 hours' where id = $1`, [w.opportunityId]);
    const list = (await env.request(a, 'GET', '/api/v1/opportunities?limit=100')).body.items as Record<string, unknown>[];
    const board = (await env.request(a, 'GET', '/api/v1/opportunities/board?processModel=internal-8')).body.columns.flatMap((c: { items: unknown[] }) => c.items) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    const keys = Object.keys(list[0]!).sort();
    for (const item of [...list.slice(0, 8), ...board.slice(0, 4), list.find((x) => x.id === w.opportunityId)!]) {
      const detail = (await env.request(a, 'GET', `/api/v1/opportunities/${item.id}`)).body;
      expect(Object.keys(item).sort()).toEqual(keys);
      expect(item).toEqual(Object.fromEntries(keys.map((k) => [k, detail[k]])));
    }
    const mine = list.find((x) => x.id === w.opportunityId)!;
    expect(mine).toMatchObject({ product: 'CT 机', source: 'referral', expectedDecisionDate: '2027-03-31', daysInStage: 12 });
  });
});

describe('idempotency', () => {
  it('a retried create with the same Idempotency-Key returns the first result and creates nothing new', async () => {
    const key = randomUUID();
    const body = { name: '幂等客户', industry: 'software' };
    const first = await env.request(a, 'POST', '/api/v1/accounts', body, { 'idempotency-key': key });
    const second = await env.request(a, 'POST', '/api/v1/accounts', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((await env.sql(`select count(*)::int n from accounts where name = '幂等客户'`))[0].n).toBe(1);
    const other = await env.request(a, 'POST', '/api/v1/accounts', { ...body, name: '别的' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
  });
});

describe('timeline and tasks', () => {
  it('the timeline shows interactions, stage moves and field changes, newest first', async () => {
    await env.request(a, 'PATCH', `/api/v1/opportunities/${w.opportunityId}`, { value: 3_400_000 });
    const t = (await env.request(a, 'GET', `/api/v1/opportunities/${w.opportunityId}/timeline`)).body.items;
    const actions = t.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('opportunity.updated');
    expect(t[0].data.changes.value).toEqual([3_200_000, 3_400_000]);
    expect(actions).toEqual(expect.arrayContaining(['interaction.logged', 'stage.inferred', 'stage.moved', 'opportunity.created']));
    const acc = (await env.request(a, 'GET', `/api/v1/accounts/${w.accountId}/timeline`)).body.items.map((e: { action: string }) => e.action);
    expect(acc).toEqual(expect.arrayContaining(['account.created', 'contact.created', 'interaction.logged']));
  });

  it('orders the timeline by when things happened, whatever order they were recorded in, and pages through it without gaps or repeats', async () => {
    // Imported history arrives out of order; two entries share one instant.
    for (const at of ['2025-03-01T10:00:00.000001Z', '2025-01-15T09:00:00Z', '2025-03-01T10:00:00.000001Z', '2025-02-01T08:00:00.5Z']) {
      await env.sql(
        `insert into activities (organization_id, actor_id, entity_type, entity_id, opportunity_id, account_id, action, data, at) values ($1, $2, 'opportunity', $3, $3, $4, 'note.imported', '{}', $5)`,
        [a.orgId, a.userId, w.opportunityId, w.accountId, at],
      );
    }
    for (const path of [`/api/v1/opportunities/${w.opportunityId}/timeline`, `/api/v1/accounts/${w.accountId}/timeline`]) {
      const all = (await env.request(a, 'GET', `${path}?limit=200`)).body.items as { id: string; at: string }[];
      const times = all.map((e) => e.at);
      expect(times, path).toEqual([...times].sort().reverse());
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await env.request(a, 'GET', `${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
        paged.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged, path).toEqual(all.map((e) => e.id));
    }
  });

  it('adds a next action from a playbook suggestion once', async () => {
    const o = await get();
    const s = o.suggestions[0];
    const t = await env.request(a, 'POST', '/api/v1/tasks', { opportunityId: w.opportunityId, title: '', playbookKey: s.key });
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ origin: 'playbook', playbookKey: s.key, status: 'open' });
    const again = await env.request(a, 'POST', '/api/v1/tasks', { opportunityId: w.opportunityId, title: '', playbookKey: s.key });
    expect(again.status).toBe(409);
    expect((await get()).suggestions.map((x: { key: string }) => x.key)).not.toContain(s.key);
    const done = await env.request(a, 'PATCH', `/api/v1/tasks/${t.body.id}`, { status: 'done' });
    expect(done.body.status).toBe('done');
    expect(done.body.completedAt).toBeTruthy();
  });
});

describe('"own opportunities only"', () => {
  it('members see and change only their own; managers see all', async () => {
    const member = await env.addMember(a, 'member');
    const manager = await env.addMember(a, 'manager');
    const mine = (await env.request(member, 'POST', '/api/v1/opportunities', { accountId: w.accountId, title: '我的项目', value: 1 })).body;
    expect((await env.request(member, 'GET', `/api/v1/opportunities/${w.opportunityId}`)).status).toBe(200);
    expect((await env.request(a, 'PATCH', '/api/v1/organization/settings', { opportunityVisibility: 'own' })).status).toBe(200);
    try {
      const list = (await env.request(member, 'GET', '/api/v1/opportunities?limit=200')).body.items.map((x: { id: string }) => x.id);
      expect(list).toEqual([mine.id]);
      const board = (await env.request(member, 'GET', '/api/v1/opportunities/board?processModel=internal-8')).body;
      expect(board.columns.flatMap((c: { items: { id: string }[] }) => c.items.map((i) => i.id))).toEqual([mine.id]);
      for (const [m, url, body] of [
        ['GET', `/api/v1/opportunities/${w.opportunityId}`, undefined],
        ['PATCH', `/api/v1/opportunities/${w.opportunityId}`, { value: 1 }],
        ['GET', `/api/v1/opportunities/${w.opportunityId}/timeline`, undefined],
        ['GET', `/api/v1/interactions?opportunityId=${w.opportunityId}`, undefined],
        ['PATCH', `/api/v1/tasks/${w.taskId}`, { status: 'done' }],
        ['PATCH', `/api/v1/evidence/${w.evidenceId}`, { verified: true }],
      ] as const) {
        expect((await env.request(member, m, url, body)).status, `${m} ${url}`).toBe(404);
      }
      const post = await env.request(member, 'POST', '/api/v1/interactions', { opportunityId: w.opportunityId, type: 'call', summary: 'x' });
      expect(post.status).toBe(404);
      const tasks = (await env.request(member, 'GET', '/api/v1/tasks')).body.items.map((t: { opportunityId: string }) => t.opportunityId);
      expect(tasks).not.toContain(w.opportunityId);
      const accTimeline = (await env.request(member, 'GET', `/api/v1/accounts/${w.accountId}/timeline?limit=200`)).body.items;
      expect(accTimeline.every((e: { opportunityId: string | null }) => e.opportunityId === null || e.opportunityId === mine.id)).toBe(true);
      const mgr = (await env.request(manager, 'GET', '/api/v1/opportunities?limit=200')).body.items.map((x: { id: string }) => x.id);
      expect(mgr).toEqual(expect.arrayContaining([mine.id, w.opportunityId]));
    } finally {
      await env.request(a, 'PATCH', '/api/v1/organization/settings', { opportunityVisibility: 'all' });
    }
  });
});
