// The evaluation (issue 8 §1–4), through the API: the committee formed under
// tender_law (staff and drawn experts, replayable draws, replacement with a
// reason), declarations before any bid is seen (a conflict takes the member out
// of sight, checked down to the database policies), screening, scoring on the
// frozen criteria (price never typed), the result computed by hand below, the
// report signed (with a dissent) and exported; races on "only once" rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeBuyWorld } from '../../../tests/fixtures';
import { enrolHolder, handOver, mustAs, publish, sealBid, tenderBody, type Holder } from '../../../tests/buy';
import { replayDraw, type Draw } from '../../domain/buy/committee';
import { appUrlFrom } from '../../db/bootstrap';

let env: TestEnv;
let must: ReturnType<typeof mustAs>;
let buyer: TestUser;
let staff: TestUser;
let holders: Holder[];
let projectId: string;
let sellers: TestUser[];
let experts: TestUser[];
let outsiderExpert: TestUser;
let otherBuyer: TestUser;
let tenderId: string;

const PRICES = ['100.00', '90.00', '110.00'];

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2027-03-01T01:00:00Z') });
  must = mustAs(env);
  buyer = await env.signUp({ org: '评标采购方', kind: 'buyer' });
  staff = await env.addMember(buyer, 'member');
  projectId = (await makeBuyWorld(env, buyer)).projectId;
  holders = [await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'manager'))];
  sellers = [await env.signUp({ org: '甲公司', kind: 'seller' }), await env.signUp({ org: '乙公司', kind: 'seller' }), await env.signUp({ org: '丙公司', kind: 'seller' })];
  experts = [];
  for (let i = 0; i < 7; i++) experts.push(await env.signUp({ org: `专家${i} 研究所`, kind: 'buyer', name: `专家${i}` }));
  for (const x of experts) await must(buyer, 'POST', '/api/v1/experts', { email: x.email, fields: ['机电'], title: '高级工程师', years: 12 });
  otherBuyer = await env.signUp({ org: '另一采购方', kind: 'buyer' });
  outsiderExpert = await env.signUp({ org: '别家专家', kind: 'buyer' });
  await must(otherBuyer, 'POST', '/api/v1/experts', { email: outsiderExpert.email, fields: ['机电'], title: '教授', years: 20 });
  // A tender_law tender with three bids, opened.
  const t = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), { regime: 'tender_law', minValidBids: 3 }));
  tenderId = t.id;
  await publish(env, buyer, tenderId);
  const pub = await must(sellers[0]!, 'GET', `/api/v1/market/tenders/${tenderId}`);
  for (const [i, s] of sellers.entries()) await must(s, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, s.orgId, PRICES[i]!));
  env.clock.set(new Date(pub.timeline.openingAt).getTime() + 60_000);
  await handOver(env, holders[0]!, tenderId);
  expect((await handOver(env, holders[1]!, tenderId)).status).toBe(200);
});
afterAll(() => env.close());

const url = (p = '') => `/api/v1/evaluations/${tenderId}${p}`;
const state = (u: TestUser) => must(u, 'GET', url());
const bidOf = async (i: number) => (await must(buyer, 'GET', url('/bids'))).items.find((b: { bidderOrgId: string }) => b.bidderOrgId === sellers[i]!.orgId).bidId as string;

async function asAppRole<T>(u: TestUser, q: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: appUrlFrom(env.ownerUrl, 'procura_app_test') });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)`, [u.orgId, u.userId]);
    return (await client.query(q, params)).rows as T[];
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

/** A statement as a user under the application role: its error message, or null when it went through (rolled back either way). */
async function refusedAs(u: TestUser, q: string, params: unknown[] = []): Promise<string | null> {
  try {
    const rows = await asAppRole<{ n?: number }>(u, q, params);
    return rows.length === 0 && /^\s*(update|delete)/i.test(q) ? 'no row' : null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('the committee', () => {
  it('the pool: a person must be on Procura; one pool entry per buyer; another buyer sees none of it', async () => {
    const bad = await env.request(buyer, 'POST', '/api/v1/experts', { email: 'nobody@example.com', fields: ['机电'], title: '教授', years: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.email');
    expect((await env.request(buyer, 'POST', '/api/v1/experts', { email: experts[0]!.email, fields: ['机电'], title: '教授', years: 3 })).status).toBe(409);
    expect((await must(otherBuyer, 'GET', '/api/v1/experts')).items.map((x: { userId: string }) => x.userId)).toEqual([outsiderExpert.userId]);
    expect((await env.request(otherBuyer, 'PATCH', `/api/v1/experts/${experts[0]!.userId}`, { years: 1 })).status).toBe(404);
  });

  it('is formed by the buyer, checked under the regime, drawn with a replayable seed; outsiders find nothing', async () => {
    expect((await state(buyer)).phase).toBe('committee');
    for (const u of [otherBuyer, outsiderExpert, sellers[0]!, experts[0]!]) expect((await env.request(u, 'GET', url())).status).toBe(404);
    expect((await env.request(staff, 'PUT', url('/committee'), { staff: [{ userId: staff.userId, chair: true }] })).status).toBe(403);
    const notMember = await env.request(buyer, 'PUT', url('/committee'), { staff: [{ userId: otherBuyer.userId }] });
    expect(notMember.status).toBe(404);
    expect(notMember.body.errors[0].field).toBe('body.staff.0.userId');
    await must(buyer, 'PUT', url('/committee'), { staff: [{ userId: staff.userId, chair: true }] });
    const small = await env.request(buyer, 'POST', url('/convene'));
    expect(small.status).toBe(409);
    expect(small.body.code).toBe('committee.composition');
    const short = await env.request(buyer, 'POST', url('/draws'), { field: '机电', count: 9 });
    expect(short.body.code).toBe('committee.pool_short');
    expect((await state(buyer)).expertsToDraw).toBe(4);
    const s0 = await must(buyer, 'POST', url('/draws'), { field: '机电', count: 4 });
    expect(s0.expertsToDraw).toBe(0);
    // The committee chose an expert as its chair, then the buyer's member again.
    const expertSeat = s0.members.find((m: { kind: string }) => m.kind === 'expert');
    const chaired = await must(buyer, 'PUT', url(`/members/${expertSeat.id}/chair`));
    expect(chaired.members.filter((m: { chair: boolean }) => m.chair).map((m: { id: string }) => m.id)).toEqual([expertSeat.id]);
    const staffSeat = s0.members.find((m: { kind: string }) => m.kind === 'buyer');
    const s = await must(buyer, 'PUT', url(`/members/${staffSeat.id}/chair`));
    expect(s.members).toHaveLength(5);
    expect(s.composition).toEqual([]);
    const d = s.draws[0];
    // Anyone replays the draw from its log.
    const pool = experts.map((x) => ({ id: x.userId, fields: ['机电'] }));
    expect(replayDraw(d as Draw, pool)).toBe(true);
    expect(replayDraw(d as Draw, d.pool)).toBe(true);
    expect(replayDraw({ ...d, seed: `${d.seed}0` } as Draw)).toBe(false);
    const audit = await env.sql(`select action, data from audit_chain where tender_id = $1 and action like 'committee.draw%' order by seq`, [tenderId]);
    expect(audit.map((a) => a.action)).toEqual(['committee.draw_committed', 'committee.drawn']);
    expect(audit[1].data.seed).toBe(d.seed);
    expect(audit[0].data.seedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(audit[0].data.seedSha256).not.toBe(d.seed);
  });

  it('convenes; every member declares before seeing any bid, and a conflict takes the member out of sight', async () => {
    await must(buyer, 'POST', url('/convene'));
    const drawn = (await state(buyer)).members.filter((m: { kind: string }) => m.kind === 'expert').map((m: { userId: string }) => m.userId);
    const me = experts.filter((x) => drawn.includes(x.userId));
    const first = me[0]!;
    const st = await state(first);
    expect(st.me).toMatchObject({ declared: false });
    expect(st.bidders.map((b: { name: string }) => b.name).sort()).toEqual(['丙公司', '乙公司', '甲公司']);
    const early = await env.request(first, 'GET', url('/bids'));
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('evaluation.declare_first');
    expect(await asAppRole(first, 'select * from bid_openings where tender_id = $1', [tenderId])).toHaveLength(0);
    const missing = await env.request(first, 'POST', url('/declaration'), { declarations: [{ bidderOrgId: sellers[0]!.orgId, conflict: false }] });
    expect(missing.status).toBe(400);
    // A conflict: the member is off the committee and sees nothing, at the API and in the database.
    const out = await must(first, 'POST', url('/declaration'), { declarations: sellers.map((s, i) => ({ bidderOrgId: s.orgId, conflict: i === 1 })) });
    expect(out).toEqual({ conflicted: true, state: null });
    for (const p of ['', '/bids', '/sheets', '/report']) expect((await env.request(first, 'GET', url(p))).status).toBe(404);
    expect(await asAppRole(first, 'select * from bid_openings where tender_id = $1', [tenderId])).toHaveLength(0);
    expect(await asAppRole(first, 'select * from tenders where id = $1', [tenderId])).toHaveLength(0);
    expect(await asAppRole(first, 'select * from evaluations where tender_id = $1', [tenderId])).toHaveLength(0);
    const s = await state(buyer);
    expect(s.composition.length).toBeGreaterThan(0);
    const conflicted = s.members.find((m: { userId: string }) => m.userId === first.userId);
    expect(conflicted.status).toBe('conflicted');
    // Replaced with a recorded reason: a new draw in the field, never the same person.
    const noReason = await env.request(buyer, 'POST', url(`/members/${conflicted.id}/replace`), { reason: '' });
    expect(noReason.status).toBe(400);
    // An expert has no way to the buyer's opening page at all.
    expect((await env.request(first, 'GET', `/api/v1/tenders/${tenderId}/bids`)).status).toBe(404);
    const r = await must(buyer, 'POST', url(`/members/${conflicted.id}/replace`), { reason: '申报与乙公司存在利益冲突' });
    expect(r.members.filter((m: { status: string }) => m.status === 'active')).toHaveLength(5);
    expect(r.members.find((m: { id: string }) => m.id === conflicted.id)).toMatchObject({ status: 'replaced', replacedReason: '申报与乙公司存在利益冲突' });
    expect(r.draws).toHaveLength(2);
    expect(r.draws[1].drawn).not.toContain(first.userId);
    // A bidder's own member cannot declare "no conflict" with it.
    const active = r.members.filter((m: { status: string }) => m.status === 'active').map((m: { userId: string }) => m.userId);
    for (const u of [staff, ...experts.filter((x) => active.includes(x.userId))]) {
      await must(u, 'POST', url('/declaration'), { declarations: sellers.map((s) => ({ bidderOrgId: s.orgId, conflict: false })) });
    }
    expect((await state(buyer)).progress).toMatchObject({ declared: 5, active: 5 });
    // At the database, as the application role: a member changes only their own declaration, submission and signature, once.
    const member = experts.find((x) => active.includes(x.userId))!;
    expect(await refusedAs(first, `update committee_members set status = 'active' where user_id = $1 returning 1 as n`, [first.userId])).toMatch(/made once|no row/);
    expect(await refusedAs(member, `update committee_members set declared_at = now() + interval '1 day' where user_id = $1 returning 1 as n`, [member.userId])).toMatch(/made once/);
    expect(await refusedAs(member, `update committee_members set chair = true where user_id = $1 returning 1 as n`, [member.userId])).toMatch(/only their declaration/);
    expect(await refusedAs(member, `update committee_members set tender_id = tender_id, organization_id = $2 where user_id = $1 returning 1 as n`, [member.userId, member.orgId])).toMatch(/change hands/);
    // The buyer's audit chain and its head: out of reach, but through the one function that checks the seat.
    expect(await refusedAs(member, `delete from audit_heads where organization_id = $1 returning 1 as n`, [buyer.orgId])).toBe('no row');
    expect(await refusedAs(member, `insert into audit_chain (organization_id, seq, at, actor_id, action, tender_id, data, prev_hash, hash) values ($1, 999, now(), $2, 'x', $3, '{}', '\\x00', '\\x00')`, [buyer.orgId, member.userId, tenderId])).toMatch(/row-level security/);
    expect(await refusedAs(first, `select append_committee_audit($1, $2, now(), 'x', null, '{}', '\\x00')`, [buyer.orgId, tenderId])).toMatch(/not a member/);
    // The evaluation moves forward only, and never to another organization.
    expect(await refusedAs(member, `update evaluations set phase = 'committee' where tender_id = $1 returning 1 as n`, [tenderId])).toMatch(/forward only/);
    expect(await refusedAs(member, `update evaluations set organization_id = $2 where tender_id = $1 returning 1 as n`, [tenderId, member.orgId])).toMatch(/stays its tender/);
    const views = await env.sql(`select count(*)::int as n from audit_chain where tender_id = $1 and action = 'committee.declared'`, [tenderId]);
    expect(views[0].n).toBe(5);
  });
});

describe('screening, scoring, the report', () => {
  const members = async () => {
    const active = (await state(buyer)).members.filter((m: { status: string }) => m.status === 'active').map((m: { userId: string }) => m.userId);
    return [staff, ...experts].filter((u) => active.includes(u.userId));
  };

  it('screens every bid on every requirement; a failure needs a reason; only the chair closes', async () => {
    const [a, b, c] = [await bidOf(0), await bidOf(1), await bidOf(2)];
    const expert = (await members()).find((u) => u !== staff)!;
    const views = await env.sql(`select count(*)::int as n from audit_chain where tender_id = $1 and action = 'evaluation.bids_viewed' and actor_id = $2`, [tenderId, expert.userId]);
    await must(expert, 'GET', url('/bids'));
    const after = await env.sql(`select count(*)::int as n from audit_chain where tender_id = $1 and action = 'evaluation.bids_viewed' and actor_id = $2`, [tenderId, expert.userId]);
    expect(after[0].n).toBe(views[0].n + 1);
    const noReason = await env.request(expert, 'PUT', url('/screening'), { results: [{ bidId: c, requirementKey: 'Q1', passed: false, reason: ' ' }] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.results.0.reason');
    const unknown = await env.request(expert, 'PUT', url('/screening'), { results: [{ bidId: c, requirementKey: 'Q9', passed: true }] });
    expect(unknown.body.errors[0].field).toBe('body.results.0.requirementKey');
    const results = [a, b, c].flatMap((bid) => ['Q1', 'Q2'].map((q) => ({ bidId: bid, requirementKey: q, passed: !(bid === c && q === 'Q1'), reason: bid === c && q === 'Q1' ? '未提供 ISO 9001 证书' : '' })));
    await must(expert, 'PUT', url('/screening'), { results });
    expect((await env.request(expert, 'POST', url('/screening/close'))).status).toBe(403);
    expect((await must(staff, 'POST', url('/screening/close'))).phase).toBe('scoring');
    expect((await env.request(expert, 'PUT', url('/screening'), { results: results.slice(0, 1) })).status).toBe(409);
    // A failure stays on record: no deleting it after the close, even at the database.
    expect(await refusedAs(expert, `delete from screening_results where tender_id = $1 returning 1 as n`, [tenderId])).toBe('no row');
    expect(await refusedAs(buyer, `delete from screening_results where tender_id = $1 returning 1 as n`, [tenderId])).toMatch(/not in phase/);
  });

  it('each member scores alone on the frozen criteria; the price is never typed; others are seen only after submitting', async () => {
    const [a, b, c] = [await bidOf(0), await bidOf(1), await bidOf(2)];
    const [m1, m2] = (await members()).filter((u) => u !== staff);
    const typed = await env.request(m1!, 'PUT', url(`/sheets/${a}`), { scores: { C1: '80', C3: '100' } });
    expect(typed.status).toBe(400);
    expect(typed.body.errors[0]).toMatchObject({ field: 'body.scores.C3', code: 'price_typed' });
    const over = await env.request(m1!, 'PUT', url(`/sheets/${a}`), { scores: { C1: '100.5' } });
    expect(over.body.errors[0]).toMatchObject({ field: 'body.scores.C1', code: 'out_of_range' });
    expect((await env.request(m1!, 'PUT', url(`/sheets/${a}`), { scores: { C7: '1' } })).body.errors[0].code).toBe('unknown_criterion');
    expect((await env.request(m1!, 'PUT', url(`/sheets/${c}`), { scores: { C1: '1', C2: '1' } })).body.code).toBe('evaluation.not_compliant');
    await must(m1!, 'PUT', url(`/sheets/${a}`), { scores: { C1: '80', C2: '90' }, remarks: '方案完整' });
    const incomplete = await env.request(m1!, 'POST', url('/sheets/submit'));
    expect(incomplete.status).toBe(400);
    await must(m1!, 'PUT', url(`/sheets/${b}`), { scores: { C1: '70', C2: '80' } });
    await must(m2!, 'PUT', url(`/sheets/${a}`), { scores: { C1: '80', C2: '90' } });
    const before = await must(m2!, 'GET', url('/sheets'));
    expect(before.othersVisible).toBe(false);
    // At the database too: before submitting, a member reads only their own sheets.
    const seen0 = await asAppRole<{ user_id: string }>(m2!, 'select user_id from score_sheets where tender_id = $1', [tenderId]);
    expect(new Set(seen0.map((r) => r.user_id))).toEqual(new Set([m2!.userId]));
    expect(before.items.every((s: { mine: boolean }) => s.mine)).toBe(true);
    expect((await env.request(m1!, 'POST', url('/scoring/close'))).status).toBe(403);
    await must(m1!, 'POST', url('/sheets/submit'));
    expect((await env.request(m1!, 'PUT', url(`/sheets/${a}`), { scores: { C1: '10', C2: '10' } })).status).toBe(409);
    const seen = await must(m1!, 'GET', url('/sheets'));
    expect(seen.othersVisible).toBe(true);
    expect(seen.items.some((s: { mine: boolean }) => !s.mine)).toBe(true);
    const early = await env.request(staff, 'POST', url('/scoring/close'));
    expect(early.body.code).toBe('evaluation.sheets_missing');
    for (const m of await members()) {
      if (m === m1) continue;
      await must(m, 'PUT', url(`/sheets/${a}`), { scores: { C1: '80', C2: '90' } });
      await must(m, 'PUT', url(`/sheets/${b}`), { scores: { C1: '70', C2: '80' } });
      await must(m, 'POST', url('/sheets/submit'));
    }
    const s = await must(staff, 'POST', url('/scoring/close'));
    expect(s.phase).toBe('report');
    // By hand, lot L1: A quotes 100 × 4,000 = 400,000; B 90 × 4,000 = 360,000 (the base).
    // A: 80 × 50 % + 90 × 20 % + 360,000 / 400,000 × 100 × 30 % = 40 + 18 + 27 = 85.00
    // B: 70 × 50 % + 80 × 20 % + 100 × 30 % = 35 + 16 + 30 = 81.00; C failed screening.
    // The comparison table: means per criterion with the best marked, ranks, remarks, prices with flags.
    const cmp = await must(m1!, 'GET', url('/comparison'));
    const c1 = cmp.criteria.find((c: { key: string }) => c.key === 'C1');
    expect(c1.cells.find((x: { bidId: string }) => x.bidId === a)).toMatchObject({ score: '80.00', best: true });
    expect(c1.cells.find((x: { bidId: string }) => x.bidId === b)).toMatchObject({ score: '70.00', best: false });
    expect(cmp.ranking[0].cells.find((x: { bidId: string }) => x.bidId === a)).toMatchObject({ total: '85.00', rank: 1, best: true });
    expect(cmp.remarks.find((r: { bidId: string }) => r.bidId === a).items[0].text).toBe('方案完整');
    expect(cmp.prices.lots[0].cells.find((x: { bidId: string }) => x.bidId === b)).toMatchObject({ total: '360000.00', complete: true, best: true });
    expect(cmp.bids.find((x: { bidId: string }) => x.bidId === c).compliant).toBe(false);
    expect((await env.request(otherBuyer, 'GET', url('/comparison'))).status).toBe(404);
    // The buyer's staff off the committee read it too (unaudited: no member's view).
    expect((await must(buyer, 'GET', url('/comparison'))).bids).toHaveLength(3);
    for (const lot of s.results) {
      expect(lot.candidates.map((x: { bidder: string; total: string; rank: number }) => [x.bidder, x.total, x.rank])).toEqual([
        ['甲公司', '85.00', 1],
        ['乙公司', '81.00', 2],
      ]);
    }
  });

  it('the report is final when every member signed or dissented, its hash in the audit chain; exported in both languages', async () => {
    const ms = await members();
    const r = await must(staff, 'GET', url('/report'));
    expect(r.final).toBe(false);
    expect(r.report.bids.find((b: { bidder: string }) => b.bidder === '丙公司').compliance).toMatchObject({ passed: false, failed: [{ key: 'Q1', reason: '未提供 ISO 9001 证书' }] });
    // The same member signing twice at once: one signature.
    const twice = await Promise.all([env.request(ms[0]!, 'POST', url('/sign'), {}), env.request(ms[0]!, 'POST', url('/sign'), {})]);
    expect(twice.map((x) => x.status).sort()).toEqual([200, 409]);
    await must(ms[1]!, 'POST', url('/sign'), { dissent: '乙公司的交货方案更稳妥' });
    // The last two at once: final once.
    await must(ms[2]!, 'POST', url('/sign'), {});
    const last = await Promise.all([env.request(ms[3]!, 'POST', url('/sign'), {}), env.request(ms[4]!, 'POST', url('/sign'), {})]);
    expect(last.map((x) => x.status)).toEqual([200, 200]);
    const done = await must(buyer, 'GET', url('/report'));
    expect(done.final).toBe(true);
    expect(done.signatures.find((x: { userId: string }) => x.userId === ms[1]!.userId).dissent).toBe('乙公司的交货方案更稳妥');
    const finals = await env.sql(`select data from audit_chain where tender_id = $1 and action = 'evaluation.report_final'`, [tenderId]);
    expect(finals).toHaveLength(1);
    expect(finals[0].data.reportSha256).toBe(done.sha256);
    const zh = await env.request(buyer, 'GET', url('/report.html?lang=zh-CN'));
    expect(zh.headers['content-type']).toContain('text/html');
    expect(zh.body).toContain('评标报告');
    expect(zh.body).toContain('85.00');
    expect(zh.body).toContain(done.sha256);
    const en = await env.request(buyer, 'GET', url('/report.html?lang=en'));
    expect(en.body).toContain('Evaluation report');
    expect(en.body).toContain('dissent');
    expect((await env.request(otherBuyer, 'GET', url('/report.html'))).status).toBe(404);
  });

  it('under tender_law: no negotiation before the award (with the rule), candidates published for at least 3 days', async () => {
    const a = await must(buyer, 'GET', `/api/v1/tenders/${tenderId}/award`);
    expect(a.negotiation.allowed).toBe(false);
    expect(a.negotiation.reason.en).toContain('art. 43');
    expect(a.minPublicationDays).toBe(3);
    const short = await env.request(buyer, 'POST', `/api/v1/tenders/${tenderId}/candidates/publish`, { days: 2 });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('body.days');
    expect((await must(buyer, 'POST', `/api/v1/tenders/${tenderId}/candidates/publish`, { days: 3 })).phase).toBe('publicized');
  });
});
