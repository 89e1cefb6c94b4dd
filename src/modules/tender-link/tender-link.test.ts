// The link (issue 7, 9): a seller that meets a tender on Procura links it to its
// opportunity; the tender's events it is entitled to see become evidence there
// (origin "tender"), and inference and risks follow without anyone typing. An
// RLS-level test shows what a supplier's tenant can read of a tender: its own
// invitation, bid and questions, the published tender — nobody else's.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeBuyWorld, makeWorld, type World } from '../../../tests/fixtures';
import { DAY, enrolHolder, mustAs, publish, sealBid, tenderBody, type Holder } from '../../../tests/buy';
import { appUrlFrom } from '../../db/bootstrap';
import { ownerDb, tenderTick } from '../tenders/jobs';

let env: TestEnv;
let must: ReturnType<typeof mustAs>;
let buyer: TestUser;
let seller: TestUser;
let rival: TestUser;
let world: World;
let projectId: string;
let holders: Holder[];

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2027-04-01T01:00:00Z') });
  must = mustAs(env);
  buyer = await env.signUp({ org: '青岛海澜电器', kind: 'buyer' });
  projectId = (await makeBuyWorld(env, buyer)).projectId;
  holders = [await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'manager'))];
  seller = await env.signUp({ org: '华东压缩机', kind: 'seller' });
  rival = await env.signUp({ org: '对手公司', kind: 'seller' });
  world = await makeWorld(env, seller, 'S');
  const s = await must(buyer, 'POST', '/api/v1/suppliers', { supplierOrgId: seller.orgId });
  const cert = (await must(buyer, 'POST', `/api/v1/suppliers/${s.id}/certifications`, { category: 'goods' })).certifications[0].id;
  await must(buyer, 'POST', `/api/v1/certifications/${cert}/decision`, { to: 'certified', scores: { quality: 90, delivery: 90, credit: 90 }, validUntil: new Date(env.clock.now().getTime() + 365 * DAY).toISOString() });
});
afterAll(() => env.close());

describe('a tender moves the bidder\'s opportunity', () => {
  it('invitation, notice and bid become evidence of origin "tender"; the stage follows', async () => {
    const t = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), { method: 'invited', minValidBids: 2, deadlineDays: 5, questionsDays: 2 }));
    const supplierId = (await must(buyer, 'GET', '/api/v1/suppliers')).items[0].id;
    await must(buyer, 'PUT', `/api/v1/tenders/${t.id}/invitations`, { supplierIds: [supplierId] });
    await publish(env, buyer, t.id);
    const before = await must(seller, 'GET', `/api/v1/opportunities/${world.opportunityId}`);
    const link = await must(seller, 'PUT', `/api/v1/market/tenders/${t.id}/link`, { opportunityId: world.opportunityId });
    expect(link).toMatchObject({ opportunityId: world.opportunityId, eventsTaken: 2 });
    const pub = await must(seller, 'GET', `/api/v1/market/tenders/${t.id}`);
    expect(pub.link).toMatchObject({ opportunityId: world.opportunityId });
    await must(seller, 'POST', `/api/v1/market/tenders/${t.id}/bid`, sealBid(pub, seller.orgId, '1000.00'));
    const ints = await must(seller, 'GET', `/api/v1/interactions?opportunityId=${world.opportunityId}`);
    const fromTender = ints.items.filter((i: { origin: string }) => i.origin === 'tender');
    expect(fromTender.map((i: { evidence: { type: string; origin: string }[] }) => i.evidence.map((e) => `${e.type}:${e.origin}`)).flat().sort()).toEqual(['bid_submitted:tender', 'invitation_received:tender', 'tender_notice_published:tender']);
    const after = await must(seller, 'GET', `/api/v1/opportunities/${world.opportunityId}`);
    expect(after.stageInferred).not.toBe(before.stageInferred);
    expect(after.stageInferred).toBe('tender_and_screening');
    // Taken once: syncing again adds nothing.
    const again = await must(seller, 'GET', `/api/v1/interactions?opportunityId=${world.opportunityId}`);
    expect(again.items.length).toBe(ints.items.length);
  });

  it('a failed tender reaches the opportunity as a step back, through the clock', async () => {
    const t = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), { minValidBids: 3, deadlineDays: 3, questionsDays: 1 }));
    await publish(env, buyer, t.id);
    const linked = await must(seller, 'PUT', `/api/v1/market/tenders/${t.id}/link`, { newOpportunity: {} });
    expect(linked.opportunityTitle).toContain(t.number);
    const pub = await must(seller, 'GET', `/api/v1/market/tenders/${t.id}`);
    await must(seller, 'POST', `/api/v1/market/tenders/${t.id}/bid`, sealBid(pub, seller.orgId, '1000.00'));
    env.clock.advance(3 * DAY + 1000);
    const owner = ownerDb(env.ownerUrl);
    await tenderTick(owner.db, env.rt.deps);
    await owner.close();
    const ev = await must(seller, 'GET', `/api/v1/interactions?opportunityId=${linked.opportunityId}`);
    expect(ev.items.flatMap((i: { evidence: { type: string }[] }) => i.evidence.map((e) => e.type))).toContain('tender_failed');
    const opp = await must(seller, 'GET', `/api/v1/opportunities/${linked.opportunityId}`);
    expect(opp.accountName).toBe('青岛海澜电器');
    // Linking twice is refused; another organization cannot link a tender it cannot see.
    expect((await env.request(seller, 'PUT', `/api/v1/market/tenders/${t.id}/link`, { opportunityId: world.opportunityId })).status).toBe(409);
  });
});

describe('what crosses the boundary, at the level of row security', () => {
  it("a supplier's tenant reads its own invitation, bid and question, and nothing of anyone else's", async () => {
    const t = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), { deadlineDays: 5, questionsDays: 2 }));
    await must(buyer, 'POST', `/api/v1/tenders/${t.id}/documents`, { name: 'spec.txt', mediaType: 'text/plain', data: 'c3BlYw==' });
    await publish(env, buyer, t.id);
    const pub = await must(seller, 'GET', `/api/v1/market/tenders/${t.id}`);
    for (const s of [seller, rival]) {
      await must(s, 'POST', `/api/v1/market/tenders/${t.id}/bid`, sealBid(pub, s.orgId, '1.00'));
      await must(s, 'POST', `/api/v1/tenders/${t.id}/questions`, { question: `${s.orgId} 的问题` });
      await env.request(s, 'GET', `/api/v1/tenders/${t.id}/documents/${pub.documents[0].id}`);
    }
    const client = new pg.Client({ connectionString: appUrlFrom(env.ownerUrl, 'procura_app_test') });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)`, [seller.orgId, seller.userId]);
      const count = async (q: string) => Number((await client.query(q, [t.id])).rows[0].n);
      expect(await count('select count(*) n from tenders where id = $1')).toBe(1);
      expect(await count('select count(*) n from bids where tender_id = $1')).toBe(1);
      expect(await count('select count(*) n from bid_versions where tender_id = $1')).toBe(1);
      expect(await count(`select count(*) n from bids where tender_id = $1 and organization_id <> '${seller.orgId}'`)).toBe(0);
      expect(await count('select count(*) n from tender_questions where tender_id = $1')).toBe(1);
      expect(await count('select count(*) n from tender_downloads where tender_id = $1')).toBe(0);
      expect(await count('select count(*) n from opening_shares where tender_id = $1')).toBe(0);
      expect(await count(`select count(*) n from notifications where tender_id = $1 and organization_id <> '${seller.orgId}'`)).toBe(0);
      // The buyer's tenant: every question and download, but not a bid before the opening.
      await client.query(`select set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)`, [buyer.orgId, buyer.userId]);
      expect(await count('select count(*) n from tender_questions where tender_id = $1')).toBe(2);
      expect(await count('select count(*) n from tender_downloads where tender_id = $1')).toBe(2);
      expect(await count('select count(*) n from bids where tender_id = $1')).toBe(0);
      expect(await count('select count(*) n from bid_versions where tender_id = $1')).toBe(0);
      expect(Number((await client.query('select tender_bid_count($1) n', [t.id])).rows[0].n)).toBe(2);
      // An organization that is no party sees the open tender's notice and nothing else.
      await client.query(`select set_config('app.org_id', $1, true)`, [world.accountId]);
      expect(await count('select count(*) n from tender_questions where tender_id = $1')).toBe(0);
      expect(await count('select count(*) n from bids where tender_id = $1')).toBe(0);
      expect((await client.query('select tender_bid_count($1) n', [t.id])).rows[0].n).toBeNull();
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });
});
