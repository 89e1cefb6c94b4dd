import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../tests/api';
import { getBuiltInModel } from '../domain/process-models';
import { DEMO_ORGS, DEMO_PASSWORD } from './content';
import { BENCH_EMAIL, hasAnyOrganization, seedDemo } from './demo';

const NOW = new Date('2026-11-22T09:00:00Z');
let env: TestEnv;
let twin: TestEnv;

async function signIn(e: TestEnv, email: string): Promise<TestUser> {
  const res = await e.rt.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' }, payload: { email, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in ${email}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [String(setCookie)]).map((c) => c.split(';')[0]).join('; ');
  const me = await e.request({ cookie, headers: { cookie } } as unknown as TestUser, 'GET', '/api/v1/me');
  return { userId: me.body.user.id, orgId: me.body.organization.id, email, cookie, headers: { cookie } };
}

beforeAll(async () => {
  [env, twin] = await Promise.all([createTestEnv(), createTestEnv()]);
  expect(await hasAnyOrganization(env.ownerUrl)).toBe(false);
  await seedDemo(env.ownerUrl, { now: NOW });
  await seedDemo(twin.ownerUrl, { now: NOW });
}, 120_000);
afterAll(async () => {
  await Promise.all([env?.close(), twin?.close()]);
});

describe('demo data', () => {
  it('has the documented size: 3 sellers, ~40 accounts, ~150 contacts, ~120 opportunities, 18 months of history', async () => {
    expect(await hasAnyOrganization(env.ownerUrl)).toBe(true);
    const [c] = await env.sql(`select (select count(*) from organization)::int orgs, (select count(*) from accounts)::int accounts, (select count(*) from contacts)::int contacts,
      (select count(*) from opportunities)::int opps, (select count(*) from interactions)::int interactions, (select count(*) from evidence_items)::int evidence,
      (select extract(day from now() - min(occurred_at))::int from interactions) span_days`);
    expect(c.orgs).toBe(3);
    expect(c.accounts).toBeGreaterThanOrEqual(35);
    expect(c.accounts).toBeLessThanOrEqual(45);
    expect(c.contacts).toBeGreaterThanOrEqual(120);
    expect(c.contacts).toBeLessThanOrEqual(180);
    expect(c.opps).toBe(120);
    expect(c.interactions).toBeGreaterThan(500);
    expect(c.evidence).toBeGreaterThan(300);
    expect(c.span_days).toBeGreaterThan(360);
    const names = (await env.sql<{ name: string }>('select name from accounts')).map((r) => r.name);
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    expect(names.some((n) => /^[A-Za-z]/.test(n))).toBe(true);
  });

  it("spreads each organization's opportunities over every stage of its main model, with won, lost and abandoned ones", async () => {
    for (const org of DEMO_ORGS) {
      const model = getBuiltInModel(org.mainModel)!;
      const rows = await env.sql<{ stage: string; outcome: string }>(`select stage, outcome from opportunities o join organization g on g.id = o.organization_id where g.slug = $1 and o.process_model = $2`, [org.slug, org.mainModel]);
      const stages = new Set(rows.map((r) => r.stage));
      for (const s of model.stages) expect(stages.has(s.key), `${org.slug} ${s.key}`).toBe(true);
    }
    const outcomes = new Set((await env.sql<{ outcome: string }>('select distinct outcome from opportunities')).map((r) => r.outcome));
    expect([...outcomes].sort()).toEqual(['abandoned', 'lost', 'open', 'won']);
    const [m] = await env.sql(`select count(*) filter (where direction = 'back')::int back, count(*) filter (where kind = 'set')::int manual from stage_moves`);
    expect(m.back).toBeGreaterThan(0);
    expect(m.manual).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same data', async () => {
    const q = `select md5(string_agg(concat_ws('|', id, title, value, stage, stage_inferred, risk_codes::text, interaction_count, last_interaction_at), ',' order by id)) h from opportunities`;
    const qi = `select md5(string_agg(concat_ws('|', id, summary, occurred_at, contact_ids::text), ',' order by id)) h from interactions`;
    expect((await env.sql(q))[0].h).toBe((await twin.sql(q))[0].h);
    expect((await env.sql(qi))[0].h).toBe((await twin.sql(qi))[0].h);
  });

  it('stores what the domain rules compute: the detail of an opportunity agrees with its stored stage and risks', async () => {
    const owner = await signIn(env, 'li.na@medequip.demo');
    const rows = await env.sql<{ id: string; stage_inferred: string; risk_codes: string[] }>(
      `select o.id, o.stage_inferred, o.risk_codes from opportunities o where o.organization_id = $1 and o.outcome = 'open' order by o.id`,
      [owner.orgId],
    );
    expect(rows.length).toBeGreaterThan(20);
    // The histories end at NOW; the API evaluates at the real "now", so compare the inference
    // (stage) everywhere and the risks where time does not change them.
    for (const r of rows) {
      const d = await env.request(owner, 'GET', `/api/v1/opportunities/${r.id}`);
      expect(d.status).toBe(200);
      expect(d.body.inference.stageKey, r.id).toBe(r.stage_inferred);
      const timeless = (codes: string[]) => codes.filter((c) => !['information_island', 'decision_dragging', 'no_follow_up'].includes(c)).sort();
      expect(timeless(d.body.risks.map((x: { code: string }) => x.code)), r.id).toEqual(timeless(r.risk_codes));
    }
  });

  it('signs in every demo user with the printed password, and keeps each organization to itself', async () => {
    const a = await signIn(env, 'wang.lei@autoline.demo');
    const b = await signIn(env, 'chen.jing@shieldins.demo');
    const listA = await env.request(a, 'GET', '/api/v1/opportunities?limit=100');
    expect(listA.status).toBe(200);
    expect(listA.body.items.length).toBeGreaterThan(0);
    const foreign = listA.body.items[0].id;
    expect((await env.request(b, 'GET', `/api/v1/opportunities/${foreign}`)).status).toBe(404);
    const listB = await env.request(b, 'GET', '/api/v1/opportunities?limit=100');
    expect(listB.body.items.some((o: { id: string }) => o.id === foreign)).toBe(false);
  });

  it("honours AutoLine's 'own opportunities only' setting for its members", async () => {
    const member = await signIn(env, 'david.chen@autoline.demo');
    const list = await env.request(member, 'GET', '/api/v1/opportunities?limit=100');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((o: { ownerId: string }) => o.ownerId === member.userId)).toBe(true);
  });

  it('scales: a bench organization with N opportunities and about M interactions', async () => {
    const e = await createTestEnv();
    try {
      const s = await seedDemo(e.ownerUrl, { now: NOW, opportunities: 600, interactions: 4000 });
      expect(s.opportunities).toBe(720);
      const [c] = await e.sql(`select count(*)::int n, sum(interaction_count)::int i from opportunities o join organization g on g.id = o.organization_id where g.slug = 'bench'`);
      expect(c.n).toBe(600);
      expect(c.i).toBeGreaterThan(3400);
      expect(c.i).toBeLessThan(4600);
      const bench = await signIn(e, BENCH_EMAIL);
      const list = await e.request(bench, 'GET', '/api/v1/opportunities?limit=50&sort=value&order=desc');
      expect(list.body.items).toHaveLength(50);
    } finally {
      await e.close();
    }
  });
});
