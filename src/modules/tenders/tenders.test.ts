// A tender from setup to opening, as its buyer and suppliers would take it
// (issue 7, 4–7), on time driven by the test clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeBuyWorld } from '../../../tests/fixtures';
import { DAY, enrolHolder, handOver, mustAs, publish, sealBid, tenderBody, type Holder } from '../../../tests/buy';
import { verifyReceipt } from '../../domain/sealing/receipt';
import { canonicalJson, utf8 } from '../../domain/sealing/bytes';
import { createHash } from 'node:crypto';
import { tenderTick } from './jobs';

let env: TestEnv;
let must: ReturnType<typeof mustAs>;
let buyer: TestUser;
let projectId: string;
let holders: Holder[];
let sellers: TestUser[];
const T0 = new Date('2027-03-01T02:00:00Z');

beforeAll(async () => {
  env = await createTestEnv({ now: T0 });
  must = mustAs(env);
  buyer = await env.signUp({ org: '青岛海澜电器', kind: 'buyer' });
  projectId = (await makeBuyWorld(env, buyer)).projectId;
  const [a, b, c] = [await env.addMember(buyer, 'manager'), await env.addMember(buyer, 'manager'), await env.addMember(buyer, 'member')];
  holders = [await enrolHolder(env, a), await enrolHolder(env, b), await enrolHolder(env, c)];
  sellers = [await env.signUp({ org: '华东压缩机', kind: 'seller' }), await env.signUp({ org: '宁波精工', kind: 'seller' }), await env.signUp({ org: '苏州机电', kind: 'both' })];
});
afterAll(() => env.close());

const sha = (s: unknown) => createHash('sha256').update(utf8(canonicalJson(s))).digest('hex');

describe('a tender from its setup to its opening', () => {
  let tenderId: string;
  let pub: any;

  it('a draft shows what keeps it from publication; publication freezes it under a hash and tells the invited', async () => {
    const t = await must(buyer, 'POST', '/api/v1/tenders', { ...tenderBody(projectId, holders, T0, { threshold: 2 }), evaluation: { method: 'comprehensive', criteria: [{ part: 'technical', name: '技术', weight: 60, maxScore: 100 }, { part: 'price', name: '价格', weight: 30, maxScore: 100 }] } });
    tenderId = t.id;
    expect(t).toMatchObject({ status: 'draft', number: expect.stringMatching(/^ZB-2027-0001$/), freezeHash: null });
    expect(t.problems.map((p: { path: string }) => p.path)).toContain('evaluation.criteria');
    const refused = await env.request(buyer, 'POST', `/api/v1/tenders/${tenderId}/publish`, { keys: [] });
    expect(refused.status).toBe(400);
    const fixed = await must(buyer, 'PATCH', `/api/v1/tenders/${tenderId}`, { evaluation: tenderBody(projectId, holders, T0).evaluation });
    expect(fixed.problems).toEqual([]);
    expect(fixed.lots[0].items[1].key).toBe('L1.2');
    const doc = await must(buyer, 'POST', `/api/v1/tenders/${tenderId}/documents`, { name: '招标文件.txt', mediaType: 'text/plain', data: Buffer.from('技术规格书').toString('base64') });
    expect(doc.sha256).toBe(createHash('sha256').update('技术规格书').digest('hex'));
    const published = await publish(env, buyer, tenderId);
    expect(published).toMatchObject({ status: 'published', freezeHash: expect.stringMatching(/^[0-9a-f]{64}$/), bidCount: 0 });
    expect(published.keys[0]).toMatchObject({ envelope: 'single', threshold: 2, fingerprint: expect.stringMatching(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/) });
    // Frozen: a draft change is refused now.
    expect((await env.request(buyer, 'PATCH', `/api/v1/tenders/${tenderId}`, { title: 'x' })).status).toBe(409);
    const project = await must(buyer, 'GET', `/api/v1/projects/${projectId}`);
    expect(project.stage).toBe('tender_and_screening');
  });

  it('suppliers see the open tender; a download shows its hash and only the buyer sees who downloaded', async () => {
    const list = await must(sellers[0]!, 'GET', '/api/v1/market/tenders');
    expect(list.items.map((x: { id: string }) => x.id)).toContain(tenderId);
    pub = await must(sellers[0]!, 'GET', `/api/v1/market/tenders/${tenderId}`);
    expect(pub).toMatchObject({ status: 'published', myBid: null, invited: false, openingRecords: [] });
    expect(pub).not.toHaveProperty('bidCount');
    expect(pub).not.toHaveProperty('downloads');
    const dl = await env.request(sellers[0]!, 'GET', `/api/v1/tenders/${tenderId}/documents/${pub.documents[0].id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers['x-content-sha256']).toBe(pub.documents[0].sha256);
    const b = await must(buyer, 'GET', `/api/v1/tenders/${tenderId}`);
    expect(b.downloads).toHaveLength(1);
    expect(b.downloads[0]).toMatchObject({ supplierName: '华东压缩机' });
  });

  it('a question is anonymous to the other suppliers; the answer goes to all', async () => {
    await must(sellers[1]!, 'POST', `/api/v1/tenders/${tenderId}/questions`, { question: '支架是否需要镀锌？' });
    expect((await must(sellers[0]!, 'GET', `/api/v1/tenders/${tenderId}/questions`)).items).toEqual([]);
    const b = await must(buyer, 'GET', `/api/v1/tenders/${tenderId}`);
    expect(b.questions).toHaveLength(1);
    await must(buyer, 'POST', `/api/v1/tenders/${tenderId}/questions/${b.questions[0].id}/answer`, { answer: '需要热镀锌。' });
    const seen = await must(sellers[0]!, 'GET', `/api/v1/market/tenders/${tenderId}`);
    expect(seen.clarifications).toEqual([expect.objectContaining({ question: '支架是否需要镀锌？', answer: '需要热镀锌。' })]);
    expect(JSON.stringify(seen)).not.toContain(sellers[1]!.orgId);
  });

  it('sealed bids get receipts the bidder checks alone; replace and withdraw keep every version', async () => {
    const r0 = await must(sellers[0]!, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, sellers[0]!.orgId, '1500.00'));
    expect(r0.bid).toMatchObject({ status: 'active', version: 1 });
    expect(verifyReceipt(r0.receipt.receipt, env.platformKey.publicKey).ok).toBe(true);
    expect(r0.receipt.receipt.receivedAt).toBe(T0.toISOString());
    const second = sealBid(pub, sellers[0]!.orgId, '1450.00');
    const r1 = await must(sellers[0]!, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, second);
    expect(r1.bid.version).toBe(2);
    expect(r1.receipt.receipt.sha256).toBe(sha(second));
    await must(sellers[1]!, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, sellers[1]!.orgId, '1550.00'));
    await must(sellers[2]!, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, sellers[2]!.orgId, '1600.00'));
    const w = await must(sellers[2]!, 'POST', `/api/v1/market/tenders/${tenderId}/bid/withdraw`);
    expect(w.bid).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await must(buyer, 'GET', `/api/v1/tenders/${tenderId}`)).bidCount).toBe(2);
    // The buyer cannot read the bids before the opening, and the attempt is recorded.
    const peek = await env.request(buyer, 'GET', `/api/v1/tenders/${tenderId}/bids`);
    expect(peek.status).toBe(409);
    const audit = await must(buyer, 'GET', `/api/v1/tenders/${tenderId}/audit`);
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('sealed.read_refused');
  });

  it('a bid 1 ms before the deadline is taken; one at the deadline is refused', async () => {
    const t = await must(buyer, 'GET', `/api/v1/tenders/${tenderId}`);
    const deadline = new Date(t.timeline.deadline).getTime();
    env.clock.set(deadline - 1);
    const last = await env.request(sellers[2]!, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, sellers[2]!.orgId, '1580.00'));
    expect(last.status).toBe(201);
    env.clock.set(deadline);
    const late = await env.request(sellers[1]!, 'POST', `/api/v1/market/tenders/${tenderId}/bid`, sealBid(pub, sellers[1]!.orgId, '1500.00'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('tender.status.deadline_passed');
  });

  it('the opening needs k of n key holders, after the opening time; the record reaches every bidder', async () => {
    const t = await must(buyer, 'GET', `/api/v1/tenders/${tenderId}`);
    env.clock.set(new Date(t.timeline.openingAt).getTime() - 1000);
    const early = await handOver(env, holders[0]!, tenderId);
    expect(early.status).toBe(409);
    env.clock.set(new Date(t.timeline.openingAt).getTime() + 60_000);
    await tenderTick((await import('./jobs')).ownerDb(env.ownerUrl).db, env.rt.deps);
    const first = await handOver(env, holders[0]!, tenderId);
    expect(first.status).toBe(200);
    expect(first.body.holders.filter((h: { handedOver: boolean }) => h.handedOver)).toHaveLength(1);
    const second = await handOver(env, holders[2]!, tenderId);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('opened');
    const record = second.body.records[0];
    expect(record.bids.map((b: { bidderName: string; outcome: string; total: string }) => [b.bidderName, b.outcome, b.total]).sort()).toEqual([
      ['宁波精工', 'opened', '6975000.00'],
      ['华东压缩机', 'opened', '6525000.00'],
      ['苏州机电', 'opened', '7110000.00'],
    ].sort());
    const seen = await must(sellers[1]!, 'GET', `/api/v1/market/tenders/${tenderId}`);
    expect(seen.openingRecords[0].bids).toHaveLength(3);
    const bids = await must(buyer, 'GET', `/api/v1/tenders/${tenderId}/bids`);
    expect(bids.items).toHaveLength(3);
  });
});
