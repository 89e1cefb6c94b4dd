// The award (issue 8 §5–7), through the API: candidates published with their
// window, an objection suspending the award until answered (and refused after
// the window, by the database), one award per lot even when asked twice at
// once, the award and result notices at one instant with each bidder's own
// scores and the winner's name and price, the contract draft, savings, the
// project's stage, a candidate out and a re-tender, and the seller's opportunity
// taking it all as evidence. Other organizations find nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeBuyWorld } from '../../../tests/fixtures';
import { DAY, enrolHolder, handOver, mustAs, publish, sealBid, tenderBody, type Holder } from '../../../tests/buy';
import { evaluateAlone } from '../../../tests/evaluation';

let env: TestEnv;
let must: ReturnType<typeof mustAs>;
let buyer: TestUser;
let holders: Holder[];
let projectId: string;
let sellers: TestUser[];
let stranger: TestUser;
let tenderId: string;
let opportunityId: string;
let stageBefore: string;

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2027-04-01T01:00:00Z') });
  must = mustAs(env);
  buyer = await env.signUp({ org: '定标采购方', kind: 'buyer' });
  projectId = (await makeBuyWorld(env, buyer)).projectId;
  holders = [await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'manager'))];
  sellers = [await env.signUp({ org: '甲机电', kind: 'seller' }), await env.signUp({ org: '乙机电', kind: 'seller' }), await env.signUp({ org: '丙机电', kind: 'seller' })];
  stranger = await env.signUp({ org: '旁观采购方', kind: 'both' });
  const t = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), { minValidBids: 3 }));
  tenderId = t.id;
  await publish(env, buyer, tenderId);
  const pub = await must(sellers[0]!, 'GET', `/api/v1/market/tenders/${tenderId}`);
  for (const [i, s] of sellers.entries()) await must(s, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, s.orgId, ['100.00', '90.00', '110.00'][i]!));
  opportunityId = (await must(sellers[1]!, 'PUT', `/api/v1/market/tenders/${tenderId}/link`, { newOpportunity: {} })).opportunityId;
  env.clock.set(new Date(pub.timeline.openingAt).getTime() + 60_000);
  await handOver(env, holders[0]!, tenderId);
  await handOver(env, holders[1]!, tenderId);
  const final = await evaluateAlone(env, buyer, tenderId, {
    [sellers[0]!.orgId]: { C1: '80', C2: '90' },
    [sellers[1]!.orgId]: { C1: '70', C2: '80' },
    [sellers[2]!.orgId]: { C1: '60', C2: '60' },
  });
  expect(final.phase).toBe('final');
  stageBefore = (await must(buyer, 'GET', `/api/v1/projects/${projectId}`)).stage;
});
afterAll(() => env.close());

const url = (p: string) => `/api/v1/tenders/${tenderId}${p}`;

describe('candidates and objections', () => {
  it('lists the candidates before publication, with the hand-computed totals; no award before publication', async () => {
    const s = await must(buyer, 'GET', url('/award'));
    expect(s.phase).toBe('final');
    // L1: A 400,000 → 85.00; B 360,000 (base) → 81.00;
    // C 440,000: 60 × 50 % + 60 × 20 % + 360/440 × 30 = 30 + 12 + 24.5454… = 66.5454… → 66.55.
    expect(s.lots[0].candidates.map((c: { bidder: string; total: string }) => [c.bidder, c.total])).toEqual([['甲机电', '85.00'], ['乙机电', '81.00'], ['丙机电', '66.55']]);
    expect(s.negotiation).toEqual({ allowed: true, reason: null });
    expect((await env.request(buyer, 'POST', url('/lots/L1/award'), {})).status).toBe(409);
    expect((await env.request(stranger, 'GET', url('/award'))).status).toBe(404);
    expect((await env.request(sellers[0]!, 'GET', url('/award'))).status).toBe(403);
    // An open tender is public; its candidates and results are not, to one that did not bid.
    expect(await must(stranger, 'GET', `/api/v1/market/tenders/${tenderId}/result`)).toMatchObject({ candidates: [], results: [], objections: [], canObject: false });
  });

  it('publishes with a window; a bidder objects within it and the award waits for the answer', async () => {
    const s = await must(buyer, 'POST', url('/candidates/publish'), { days: 2 });
    expect(s.phase).toBe('publicized');
    expect(s.lots.every((l: { status: string }) => l.status === 'publicized')).toBe(true);
    const seen = await must(sellers[2]!, 'GET', `/api/v1/market/tenders/${tenderId}/result`);
    expect(seen.candidates[0].candidates.map((c: { bidder: string }) => c.bidder)).toEqual(['甲机电', '乙机电', '丙机电']);
    expect(seen.results).toEqual([]);
    // Before the award no bidder sees a score, not even the candidates'.
    for (const t of ['85.00', '81.00', '66.55']) expect(JSON.stringify(seen)).not.toContain(t);
    expect(seen.canObject).toBe(true);
    expect((await env.request(sellers[2]!, 'POST', `/api/v1/market/tenders/${tenderId}/objections`, { grounds: '短' })).status).toBe(400);
    await must(sellers[2]!, 'POST', `/api/v1/market/tenders/${tenderId}/objections`, { grounds: '甲机电的 ISO 9001 证书已过期，不应通过资格审查。' });
    expect((await env.request(stranger, 'POST', `/api/v1/market/tenders/${tenderId}/objections`, { grounds: '我没有投标但也想提异议。' })).status).toBe(404);
    expect(JSON.stringify(await must(stranger, 'GET', `/api/v1/market/tenders/${tenderId}/result`))).not.toContain('甲机电');
    env.clock.advance(2 * DAY + 1000);
    const waiting = await env.request(buyer, 'POST', url('/lots/L1/award'), {});
    expect(waiting.status).toBe(409);
    expect(waiting.body.code).toBe('award.not_yet');
    // After the window: refused by the database too, whatever path writes it.
    const late = await env.request(sellers[1]!, 'POST', `/api/v1/market/tenders/${tenderId}/objections`, { grounds: '公示期后才提出的异议，应被拒绝。' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('objection.window_closed');
    const st = await must(buyer, 'GET', url('/award'));
    expect(st.objections).toHaveLength(1);
    await must(buyer, 'POST', url(`/objections/${st.objections[0].id}/answer`), { answer: '经核查，证书在投标截止日有效，异议不成立。' });
    expect((await env.request(buyer, 'POST', url(`/objections/${st.objections[0].id}/answer`), { answer: '再答一次' })).status).toBe(409);
    const mine = await must(sellers[2]!, 'GET', `/api/v1/market/tenders/${tenderId}/result`);
    expect(mine.objections[0].answer).toContain('异议不成立');
  });
});

describe('the award', () => {
  it('awards each lot once even when asked twice at once; notices at one instant; each bidder sees its own scores and the winner', async () => {
    const both = await Promise.all([env.request(buyer, 'POST', url('/lots/L1/award'), {}), env.request(buyer, 'POST', url('/lots/L1/award'), {})]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await env.sql(`select count(*)::int as n from award_lots where tender_id = $1 and award_bid_id is not null`, [tenderId]);
    expect(rows[0].n).toBe(1);
    const notices = await env.sql(`select organization_id, kind, created_at from notifications where tender_id = $1 and kind in ('award_notice', 'result_notice')`, [tenderId]);
    expect(notices.map((n) => n.kind).sort()).toEqual(['award_notice', 'result_notice', 'result_notice']);
    expect(new Set(notices.map((n) => new Date(n.created_at).getTime())).size).toBe(1);
    const a = await must(sellers[0]!, 'GET', `/api/v1/market/tenders/${tenderId}/result`);
    expect(a.results[0]).toMatchObject({ lotKey: 'L1', outcome: 'awarded', mine: { total: '85.00', rank: 1 }, winner: { name: '甲机电', price: '400000.00' } });
    const c = await must(sellers[2]!, 'GET', `/api/v1/market/tenders/${tenderId}/result`);
    expect(c.results[0]).toMatchObject({ outcome: 'not_awarded', mine: { total: '66.55', rank: 3 }, winner: { name: '甲机电' } });
    // Never another bidder's scores.
    expect(JSON.stringify(c)).not.toContain('85.00');
    const s = await must(buyer, 'GET', url('/award'));
    expect(s.lots[0].contract).toMatchObject({ number: expect.stringContaining('-L1'), amount: '400000.00', status: 'draft' });
    expect(s.negotiation.allowed).toBe(true);
    expect(s.savings).toBeNull();
  });

  it('a candidate out passes the lot to the next; re-tendering needs one out; the project moves on once every lot is decided', async () => {
    const [a] = (await must(buyer, 'GET', url('/award'))).lots[1].candidates;
    expect((await env.request(buyer, 'POST', url('/lots/L2/retender'), { reason: '预算调整' })).body.code).toBe('award.retender_not_yet');
    const badOut = await env.request(buyer, 'POST', url('/lots/L2/out'), { bidId: '00000000-0000-4000-8000-000000000000', reason: '放弃' });
    expect(badOut.body.errors[0].field).toBe('body.bidId');
    const out = await must(buyer, 'POST', url('/lots/L2/out'), { bidId: a.bidId, reason: '第一名书面放弃中标' });
    expect(out.lots[1].next).toMatchObject({ kind: 'award' });
    const s = await must(buyer, 'POST', url('/lots/L2/award'), {});
    expect(s.lots[1].award).toMatchObject({ bidder: '乙机电', rank: 2, amount: '45000.00' });
    expect(s.phase).toBe('awarded');
    // Savings: 3,200,000 − (400,000 + 45,000) = 2,755,000, 86.09 %.
    expect(s.savings).toEqual({ currency: 'CNY', budget: '3200000.00', awarded: '445000.00', amount: '2755000.00', percent: '86.09' });
    expect((await must(buyer, 'GET', '/api/v1/savings')).items).toEqual([{ currency: 'CNY', tenders: 1, budget: '3200000.00', awarded: '445000.00', amount: '2755000.00', percent: '86.09' }]);
    const project = await must(buyer, 'GET', `/api/v1/projects/${projectId}`);
    expect(project.stage).not.toBe(stageBefore);
    expect(project.stageName.en.toLowerCase()).toMatch(/prefer|supplier|select/);
  });

  it("the seller's linked opportunity took the candidacy, the lost lot (with the winner) and the won one as evidence", async () => {
    const ints = await must(sellers[1]!, 'GET', `/api/v1/interactions?opportunityId=${opportunityId}`);
    const types = ints.items.filter((i: { origin: string }) => i.origin === 'tender').flatMap((i: { evidence: { type: string }[] }) => i.evidence.map((e) => e.type));
    expect(types).toEqual(expect.arrayContaining(['shortlisted', 'preferred_supplier_lost', 'preferred_supplier_notified']));
    const lost = ints.items.find((i: { summary: string }) => i.summary.includes('Tender lost'));
    expect(lost.summary).toContain('甲机电');
    // The rivals it was told of: the winner of L1 as "won" (recorded as a competitor), the other candidate shortlisted.
    const opp = await must(sellers[1]!, 'GET', `/api/v1/opportunities/${opportunityId}`);
    const positions = Object.fromEntries(opp.competitors.map((c: { name: string; position: string }) => [c.name, c.position]));
    expect(positions).toMatchObject({ 甲机电: 'won', 丙机电: 'shortlisted' });
  });
});
