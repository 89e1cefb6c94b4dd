// Two envelopes (tendering.md "Evaluation"): the price envelopes open only after
// technical scoring has closed, with the key holders, and only those of bids
// that passed screening; a failed bid's price stays sealed for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShare } from '../../domain/sealing/tender-key';
import { toBase64 } from '../../domain/sealing/bytes';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeBuyWorld } from '../../../tests/fixtures';
import { enrolHolder, handOver, mustAs, publish, sealBid, tenderBody, type Holder } from '../../../tests/buy';
import { evaluateAlone } from '../../../tests/evaluation';

let env: TestEnv;
let must: ReturnType<typeof mustAs>;
let buyer: TestUser;
let holders: Holder[];
let sellers: TestUser[];
let tenderId: string;
const SECRET_PRICE = '123.45';

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2027-05-01T01:00:00Z') });
  must = mustAs(env);
  buyer = await env.signUp({ org: '双信封采购方', kind: 'buyer' });
  const projectId = (await makeBuyWorld(env, buyer)).projectId;
  holders = [await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'manager'))];
  sellers = [await env.signUp({ org: '技术甲', kind: 'seller' }), await env.signUp({ org: '技术乙', kind: 'seller' }), await env.signUp({ org: '技术丙', kind: 'seller' })];
  tenderId = (await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), { envelopes: 'two', minValidBids: 3 }))).id;
  await publish(env, buyer, tenderId);
  const pub = await must(sellers[0]!, 'GET', `/api/v1/market/tenders/${tenderId}`);
  for (const [i, s] of sellers.entries()) await must(s, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, s.orgId, ['100.00', '90.00', SECRET_PRICE][i]!));
  env.clock.set(new Date(pub.timeline.openingAt).getTime() + 60_000);
  await handOver(env, holders[0]!, tenderId);
  await handOver(env, holders[1]!, tenderId);
});
afterAll(() => env.close());

const shareOf = async (h: Holder) => {
  const state = await must(h.user, 'GET', `/api/v1/tenders/${tenderId}/opening`);
  return { state, share: state.key ? toBase64(openShare(state.key, h.user.userId, h.secret)!) : '' };
};

describe('the price envelopes', () => {
  it("a member of the buyer sees no bid on the buyer's own pages before declaring, nor after declaring a conflict", async () => {
    const colleague = await env.addMember(buyer, 'manager');
    await must(buyer, 'PUT', `/api/v1/evaluations/${tenderId}/committee`, { staff: [{ userId: buyer.userId, chair: true }, { userId: colleague.userId }] });
    // Seated and not declared yet: no bid, not even on the buyer's own opening page.
    expect((await env.request(colleague, 'GET', `/api/v1/tenders/${tenderId}/bids`)).body.code).toBe('evaluation.not_cleared');
    const s = await must(colleague, 'GET', `/api/v1/evaluations/${tenderId}`);
    await must(colleague, 'POST', `/api/v1/evaluations/${tenderId}/declaration`, { declarations: s.bidders.map((b: { orgId: string }, i: number) => ({ bidderOrgId: b.orgId, conflict: i === 0 })) });
    expect((await env.request(colleague, 'GET', `/api/v1/tenders/${tenderId}/bids`)).status).toBe(403);
    expect((await env.request(colleague, 'GET', `/api/v1/evaluations/${tenderId}`)).status).toBe(404);
    // Appointing the staff again keeps the conflict on record and cannot seat them again.
    const again = await env.request(buyer, 'PUT', `/api/v1/evaluations/${tenderId}/committee`, { staff: [{ userId: buyer.userId, chair: true }, { userId: colleague.userId }] });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('body.staff.1.userId');
  });

  it('stay shut during technical scoring, then open for the bids that passed only; the result follows', async () => {
    const scores = { [sellers[0]!.orgId]: { C1: '80', C2: '90' }, [sellers[1]!.orgId]: { C1: '70', C2: '80' } };
    const scoring = await evaluateAlone(env, buyer, tenderId, scores, { [sellers[2]!.orgId]: '技术方案不满足实质性要求' }, { closeScoring: false });
    expect(scoring.phase).toBe('scoring');
    // The technical envelopes carried no prices.
    expect((await must(buyer, 'GET', `/api/v1/evaluations/${tenderId}/bids`)).items.every((b: { pricesOpened: boolean; total: string | null }) => !b.pricesOpened && b.total === null)).toBe(true);
    const early = await env.request(holders[0]!.user, 'POST', `/api/v1/tenders/${tenderId}/opening/shares`, { envelope: 'price', share: 'AAAA' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('opening.prices_not_due');
    expect((await must(buyer, 'POST', `/api/v1/evaluations/${tenderId}/scoring/close`)).phase).toBe('prices');
    const first = await shareOf(holders[0]!);
    expect(first.state.envelope).toBe('price');
    expect(first.state.canHandOver).toBe(true);
    await must(holders[0]!.user, 'POST', `/api/v1/tenders/${tenderId}/opening/shares`, { envelope: 'price', share: first.share });
    const second = await shareOf(holders[1]!);
    await must(holders[1]!.user, 'POST', `/api/v1/tenders/${tenderId}/opening/shares`, { envelope: 'price', share: second.share });
    const s = await must(buyer, 'GET', `/api/v1/evaluations/${tenderId}`);
    expect(s.phase).toBe('report');
    expect(s.results[0].candidates.map((c: { bidder: string; total: string }) => [c.bidder, c.total])).toEqual([['技术甲', '85.00'], ['技术乙', '81.00']]);
    // The failed bid's price envelope was never opened: not in the database, even for a superuser.
    const rows = await env.sql(`select bidder_org_id, content::text as c from bid_openings where tender_id = $1 and envelope = 'price'`, [tenderId]);
    expect(rows.map((r) => r.bidder_org_id).sort()).toEqual([sellers[0]!.orgId, sellers[1]!.orgId].sort());
    const everything = await env.sql(`select string_agg(content::text, '') as all from bid_openings where tender_id = $1`, [tenderId]);
    expect(everything[0].all).not.toContain(SECRET_PRICE);
  });
});
