// The buy side's demo: played through the services, it leaves tenders in every
// state, both ends of one tender visible to a demo seller, a linked opportunity
// moved by the tender's events, and an audit that verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../tests/api';
import { verifyAudit } from '../modules/audit/service';
import { TestClock } from '../server/clock';
import { createRuntime } from '../server/runtime';
import { appUrlFrom } from '../db/bootstrap';
import { loadConfig } from '../config';
import { seedDemo } from './demo';
import { BUYER_EMAIL, seedBuyDemo } from './buy-demo';
import { EXPERT_EMAIL } from './evaluation-demo';

let env: TestEnv;
const NOW = new Date('2026-11-20T09:00:00Z');

beforeAll(async () => {
  env = await createTestEnv();
  await seedDemo(env.ownerUrl, { now: NOW });
  const rt = await createRuntime({ ...loadConfig({}), poolSize: 4 }, { ownerUrl: env.ownerUrl, appUrl: appUrlFrom(env.ownerUrl, 'procura_app_test') }, { webDist: null, clock: new TestClock(NOW), platformKey: env.platformKey });
  try {
    await seedBuyDemo(env.ownerUrl, rt, { now: NOW });
  } finally {
    await rt.close();
  }
}, 120_000);
afterAll(() => env.close());

describe('the buy-side demo', () => {
  it('has tenders in every state, and requisitions waiting, returned and drafted', async () => {
    const tenders = await env.sql<{ status: string }>(`select status from tenders order by status`);
    expect(tenders.map((t) => t.status).sort()).toEqual(['draft', 'failed', 'opened', 'opened', 'published', 'published'].sort());
    const phases = await env.sql<{ phase: string }>(`select phase from evaluations order by phase`);
    expect(phases.map((e) => e.phase)).toEqual(['awarded', 'scoring']);
    // The insurance tender's deadline has passed: the clock moves it on the next tick; shown as bidding closed.
    const ins = (await env.sql(`select id, deadline from tenders where title like '厂区财产一切险%'`))[0];
    expect(new Date(ins.deadline).getTime()).toBeLessThan(NOW.getTime());
    const reqs = (await env.sql<{ status: string }>(`select status from requisitions`)).map((r) => r.status);
    expect(reqs).toEqual(expect.arrayContaining(['approved', 'submitted', 'returned', 'draft']));
  });

  it('lets a demo seller see both ends: its bid, the opening record, and its opportunity moved by the tender', async () => {
    const autoline = (await env.sql(`select id from organization where slug = 'autoline'`))[0].id;
    const ev = await env.sql<{ type: string }>(`select type from evidence_items where organization_id = $1 and origin = 'tender'`, [autoline]);
    expect(ev.map((e) => e.type)).toEqual(expect.arrayContaining(['invitation_received', 'tender_notice_published', 'bid_submitted']));
    const opened = (await env.sql(`select record from tender_openings where status = 'opened'`))[0].record;
    expect(opened.bids.map((b: { outcome: string }) => b.outcome)).toEqual(['opened', 'opened', 'opened']);
    expect((await env.sql(`select count(*)::int n from organization where slug = 'hailan' and kind = 'buyer'`))[0].n).toBe(1);
    expect((await env.sql(`select count(*)::int n from "user" where email = $1`, [BUYER_EMAIL]))[0].n).toBe(1);
  });

  it('holds an awarded tender (notices, contract draft, the seller\'s opportunity updated) and one in scoring with the demo expert still to score', async () => {
    const autoline = (await env.sql(`select id from organization where slug = 'autoline'`))[0].id;
    const ev = await env.sql<{ type: string }>(`select type from evidence_items where organization_id = $1 and origin = 'tender'`, [autoline]);
    expect(ev.map((e) => e.type)).toEqual(expect.arrayContaining(['shortlisted', 'preferred_supplier_notified']));
    expect((await env.sql(`select count(*)::int n from contracts`))[0].n).toBe(1);
    const notices = await env.sql<{ kind: string }>(`select kind from notifications where kind in ('award_notice', 'result_notice')`);
    expect(notices.map((n) => n.kind).sort()).toEqual(['award_notice', 'result_notice', 'result_notice']);
    const expert = (await env.sql(`select id from "user" where email = $1`, [EXPERT_EMAIL]))[0].id;
    const seats = await env.sql<{ sheets_submitted_at: Date | null; declared_at: Date | null }>(`select sheets_submitted_at, declared_at from committee_members where user_id = $1 order by joined_at`, [expert]);
    expect(seats).toHaveLength(2);
    expect(seats[1]).toMatchObject({ sheets_submitted_at: null });
    expect(seats[1]!.declared_at).not.toBeNull();
  });

  it('verifies: every chain, every stored bid and its receipt', async () => {
    const r = await verifyAudit(env.ownerUrl, env.platformKey.publicKey);
    expect(r).toMatchObject({ ok: true, broken: null });
    expect(r.bids).toBeGreaterThanOrEqual(7);
  });
});
