// The rules around a tender's life (tendering.md): who may be invited, the
// regime's periods at publication, amendments that push the deadline and make
// earlier bids confirm, failure with too few valid bids (nothing decrypted),
// postponement, cancellation, the clock's tick, certification expiry — and the
// project's stage following what the buyer did.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../domain/sealing/bytes';
import { createTestEnv, type TestEnv, type TestUser } from '../../../tests/api';
import { makeBuyWorld } from '../../../tests/fixtures';
import { ceremony, DAY, enrolHolder, handOver, mustAs, publish, sealBid, tenderBody, type Holder } from '../../../tests/buy';
import { ownerDb, tenderTick } from './jobs';
import { appUrlFrom } from '../../db/bootstrap';
import type { Db } from '../../db/client';

let env: TestEnv;
let must: ReturnType<typeof mustAs>;
let buyer: TestUser;
let projectId: string;
let holders: Holder[];
let certified: TestUser;
let uncertified: TestUser;
let outsider: TestUser;
let ids: { certified: string; uncertified: string };
let owner: { db: Db; close: () => Promise<void> };
const tick = () => tenderTick(owner.db, env.rt.deps);

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2027-06-01T01:00:00Z') });
  owner = ownerDb(env.ownerUrl);
  must = mustAs(env);
  buyer = await env.signUp({ org: '海澜电器', kind: 'buyer' });
  projectId = (await makeBuyWorld(env, buyer)).projectId;
  holders = [await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'manager'))];
  [certified, uncertified, outsider] = [await env.signUp({ org: '认证供应商', kind: 'seller' }), await env.signUp({ org: '未认证供应商', kind: 'seller' }), await env.signUp({ org: '局外人', kind: 'seller' })];
  const c = await must(buyer, 'POST', '/api/v1/suppliers', { supplierOrgId: certified.orgId });
  const u = await must(buyer, 'POST', '/api/v1/suppliers', { supplierOrgId: uncertified.orgId });
  const cert = (await must(buyer, 'POST', `/api/v1/suppliers/${c.id}/certifications`, { category: 'goods' })).certifications[0].id;
  await must(buyer, 'POST', `/api/v1/certifications/${cert}/decision`, { to: 'certified', scores: { quality: 88, delivery: 72, credit: 65 }, validUntil: new Date(env.clock.now().getTime() + 60 * DAY).toISOString() });
  ids = { certified: c.id, uncertified: u.id };
});
afterAll(async () => {
  await owner.close();
  await env.close();
});

const draft = async (o: Parameters<typeof tenderBody>[3] = {}) => (await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), o))).id as string;

describe('invited tenders', () => {
  it('invite only suppliers certified for the category; others neither see nor bid', async () => {
    const id = await draft({ method: 'invited' });
    const refused = await env.request(buyer, 'PUT', `/api/v1/tenders/${id}/invitations`, { supplierIds: [ids.uncertified] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'body.supplierIds.0', code: 'not_certified' });
    await must(buyer, 'PUT', `/api/v1/tenders/${id}/invitations`, { supplierIds: [ids.certified] });
    await publish(env, buyer, id);
    const mine = await must(certified, 'GET', '/api/v1/market/tenders?view=invited');
    expect(mine.items.map((t: { id: string; invited: boolean }) => [t.id, t.invited])).toContainEqual([id, true]);
    expect((await env.request(outsider, 'GET', `/api/v1/market/tenders/${id}`)).status).toBe(404);
    expect((await must(outsider, 'GET', '/api/v1/market/tenders')).items.map((t: { id: string }) => t.id)).not.toContain(id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    expect((await env.request(outsider, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, outsider.orgId, '1.00'))).status).toBe(404);
    // The invited supplier was told, with the key's fingerprint.
    const n = await must(certified, 'GET', `/api/v1/notifications?tenderId=${id}`);
    expect(n.items[0]).toMatchObject({ kind: 'invitation' });
    expect(n.items[0].body.en).toContain(pub.keys[0].fingerprint);
  });

  it('a blacklisted supplier can no longer bid anywhere with this buyer', async () => {
    const id = await draft();
    await publish(env, buyer, id);
    const s = await must(buyer, 'GET', `/api/v1/suppliers/${ids.uncertified}`);
    const cert = s.certifications[0]?.id ?? (await must(buyer, 'POST', `/api/v1/suppliers/${ids.uncertified}/certifications`, { category: 'services' })).certifications[0].id;
    await must(buyer, 'POST', `/api/v1/certifications/${cert}/decision`, { to: 'blacklisted', reason: '伪造资质' });
    const pub = await must(uncertified, 'GET', `/api/v1/market/tenders/${id}`);
    expect(pub.barredReason.en).toContain('blacklisted');
    const r = await env.request(uncertified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, uncertified.orgId, '1.00'));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('bid.blacklisted');
  });
});

describe('the regimes and amendments', () => {
  it('under the Bidding Law, publication needs 20 days to the deadline, questions closing 15 days before, opening at the deadline', async () => {
    const id = await draft({ regime: 'tender_law', deadlineDays: 10, questionsDays: 5, minValidBids: 3 });
    const t = await must(buyer, 'GET', `/api/v1/tenders/${id}`);
    expect(t.problems.map((p: { path: string }) => p.path).sort()).toEqual(['timeline.deadline', 'timeline.questionsUntil']);
    const r = await env.request(buyer, 'POST', `/api/v1/tenders/${id}/publish`, { keys: await ceremony(env, buyer, id, ['single'], 2) });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain('tender.timeline.deadline');
  });

  it('a material amendment leaves 15 days under the legal regimes (the deadline moves); earlier bids must be confirmed or count as unconfirmed', async () => {
    const id = await draft({ regime: 'tender_law', deadlineDays: 21, questionsDays: 5, minValidBids: 3 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    const [third, fourth] = [await env.signUp({ org: '第三家', kind: 'seller' }), await env.signUp({ org: '第四家', kind: 'seller' })];
    for (const s of [certified, outsider, third, fourth]) await must(s, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, s.orgId, '100.00'));
    env.clock.advance(10 * DAY);
    const before = new Date(pub.timeline.deadline).getTime();
    const amended = await must(buyer, 'POST', `/api/v1/tenders/${id}/amendments`, { reason: '增加备件数量', material: true, lots: pub.lots.map((l: { items: object[] }) => ({ ...l, items: l.items.map((i) => ({ ...i, quantity: '600' })) })) });
    const after = new Date(amended.timeline.deadline).getTime();
    expect(after).toBe(env.clock.now().getTime() + 15 * DAY);
    expect(after).toBeGreaterThan(before);
    expect(amended.freezeHash).not.toBe(pub.freezeHash);
    expect(amended.amendments[0]).toMatchObject({ material: true, reason: '增加备件数量' });
    const mine = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    expect(mine.myBid.needsConfirmation).toBe(true);
    expect((await must(certified, 'GET', `/api/v1/notifications?tenderId=${id}`)).items.map((n: { kind: string }) => n.kind)).toContain('amendment');
    const confirmed = await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid/confirm`);
    expect(confirmed.bid).toMatchObject({ needsConfirmation: false, version: 2 });
    expect(confirmed.bid.versions[1]).toMatchObject({ kind: 'confirm', confirms: 1 });
    // Or replaced: a new sealed bid on the amended schedule.
    const amendedPub = await must(fourth, 'GET', `/api/v1/market/tenders/${id}`);
    await must(fourth, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(amendedPub, fourth.orgId, '95.00'));
    await must(third, 'POST', `/api/v1/market/tenders/${id}/bid/confirm`);
    // The deadline may not move earlier.
    const earlier = await env.request(buyer, 'POST', `/api/v1/tenders/${id}/amendments`, { reason: 'x', material: false, deadline: new Date(after - DAY).toISOString() });
    expect(earlier.status).toBe(400);
    env.clock.set(after + 1000);
    await handOver(env, holders[0]!, id);
    const opened = await handOver(env, holders[1]!, id);
    const outcomes = Object.fromEntries(opened.body.records[0].bids.map((b: { bidderName: string; outcome: string }) => [b.bidderName, b.outcome]));
    expect(outcomes).toEqual({ 认证供应商: 'opened', 局外人: 'unconfirmed', 第三家: 'opened', 第四家: 'opened' });
  });
});

describe('time', () => {
  it('the tick closes questions and bidding, each change in the audit chain, and reminds the day before', async () => {
    const id = await draft({ deadlineDays: 4, questionsDays: 2 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    env.clock.advance(2 * DAY + 1);
    await tick();
    expect((await must(buyer, 'GET', `/api/v1/tenders/${id}`)).status).toBe('questions_closed');
    expect((await env.request(certified, 'POST', `/api/v1/tenders/${id}/questions`, { question: '还能问吗？' })).status).toBe(409);
    env.clock.advance(DAY + 1000);
    await tick();
    expect((await must(certified, 'GET', `/api/v1/notifications?tenderId=${id}`)).items.map((n: { kind: string }) => n.kind)).toContain('deadline_reminder');
    env.clock.advance(DAY);
    await tick();
    const audit = (await must(buyer, 'GET', `/api/v1/tenders/${id}/audit`)).items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['tender.questions_closed', 'tender.bidding_closed']));
  });

  it('fewer valid bids than the minimum at the opening time: nothing is decrypted, the tender fails, the project goes back', async () => {
    const id = await draft({ deadlineDays: 3, questionsDays: 1, minValidBids: 3 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    await must(outsider, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, outsider.orgId, '6.00'));
    env.clock.advance(3 * DAY + 1000);
    const report = await tick();
    expect(report.failed).toBe(1);
    const t = await must(buyer, 'GET', `/api/v1/tenders/${id}`);
    expect(t.status).toBe('failed');
    expect((await env.sql(`select count(*)::int n from bid_openings where tender_id = $1`, [id]))[0].n).toBe(0);
    expect((await env.sql(`select count(*)::int n from tender_keys where tender_id = $1 and secret is not null`, [id]))[0].n).toBe(0);
    const seen = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    expect(seen.openingRecords[0]).toMatchObject({ status: 'failed', validBids: 2, minValidBids: 3, bids: [] });
    expect((await must(certified, 'GET', `/api/v1/notifications?tenderId=${id}`)).items.map((n: { kind: string }) => n.kind)).toContain('tender_failed');
    const timeline = (await must(buyer, 'GET', `/api/v1/projects/${projectId}/timeline?limit=200`)).items.map((e: { action: string }) => e.action);
    expect(timeline).toContain('project.tender_failed');
  });

  it('closing at the deadline waits for a bid in flight: a bid that passed the deadline check is counted by an opening held at the deadline', async () => {
    const id = await draft({ deadlineDays: 3, questionsDays: 1, minValidBids: 2 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    // A second bid in flight: its version passed the guard (received before the deadline) and is not yet committed.
    const inFlight = new pg.Client({ connectionString: env.ownerUrl });
    await inFlight.connect();
    try {
      await inFlight.query('begin');
      const at = env.clock.now().toISOString();
      const bidId = (await inFlight.query(`insert into bids (organization_id, buyer_org_id, tender_id, status, version, created_at, updated_at) values ($1, $2, $3, 'active', 1, $4, $4) returning id`, [outsider.orgId, buyer.orgId, id, at])).rows[0].id;
      await inFlight.query(`insert into bid_versions (organization_id, buyer_org_id, tender_id, bid_id, version, kind, submission, sha256, size, received_at, receipt) values ($1, $2, $3, $4, 1, 'submit', '{}', $5, 2, $6, '{}')`, [outsider.orgId, buyer.orgId, id, bidId, 'ab'.repeat(32), at]);
      // The deadline (and the opening, held at it) passes; the clock's tick closes the tender meanwhile.
      env.clock.advance(3 * DAY + 1000);
      let done = false;
      const ticking = tick().then((r) => ((done = true), r));
      await new Promise((r) => setTimeout(r, 400));
      expect(done).toBe(false);
      await inFlight.query('commit');
      const report = await ticking;
      expect(report.failed).toBe(0);
    } finally {
      await inFlight.end();
    }
    const t = await must(buyer, 'GET', `/api/v1/tenders/${id}`);
    expect(t.status).toBe('bidding_closed');
    expect((await must(buyer, 'GET', `/api/v1/tenders/${id}/opening`)).validBids).toBe(2);
    // A bid checked after the close finds it closed.
    expect((await env.request(outsider, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, outsider.orgId, '4.00'))).status).toBe(409);
  });

  it('a wrong share cannot block the opening: every share is kept, and any k that rebuild the key open it', async () => {
    const third = await enrolHolder(env, await env.addMember(buyer, 'manager'));
    const three = [...holders, third];
    const id = (await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, three, env.clock.now(), { deadlineDays: 3, questionsDays: 1, minValidBids: 1 }))).id as string;
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    env.clock.advance(3 * DAY + 1000);
    // The first holder hands over a wrong share (33 bytes, not theirs).
    const wrong = new Uint8Array(33).fill(7);
    expect((await env.request(holders[0]!.user, 'POST', `/api/v1/tenders/${id}/opening/shares`, { envelope: 'single', share: toBase64(wrong) })).status).toBe(200);
    const second = await handOver(env, holders[1]!, id);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'bidding_closed', keyMismatch: true });
    expect((await env.sql(`select count(*)::int n from opening_shares where tender_id = $1`, [id]))[0].n).toBe(2);
    // The third holder's right share opens it with the second's.
    const opened = await handOver(env, third, id);
    expect(opened.body).toMatchObject({ status: 'opened', keyMismatch: false });
    expect(opened.body.records[0].bids).toHaveLength(1);
    const audit = (await must(buyer, 'GET', `/api/v1/tenders/${id}/audit`)).items as { action: string; data: { holders?: string[] } }[];
    expect(audit.map((e) => e.action)).toContain('opening.key_mismatch');
    expect(audit.find((e) => e.action === 'tender.opened')!.data.holders?.sort()).toEqual([holders[1]!.user.userId, third.user.userId].sort());
    expect((await env.sql(`select count(*)::int n from opening_shares where tender_id = $1`, [id]))[0].n).toBe(0);
  });

  it('with as many holders as the threshold, a holder whose share was wrong hands it over again', async () => {
    const id = await draft({ deadlineDays: 3, questionsDays: 1, minValidBids: 1 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    env.clock.advance(3 * DAY + 1000);
    const url = `/api/v1/tenders/${id}/opening/shares`;
    expect((await env.request(holders[0]!.user, 'POST', url, { envelope: 'single', share: toBase64(new Uint8Array(33).fill(9)) })).status).toBe(200);
    // While fewer than k are in, a second hand-over has nothing to replace.
    expect((await env.request(holders[0]!.user, 'POST', url, { envelope: 'single', share: toBase64(new Uint8Array(33).fill(8)) })).status).toBe(409);
    expect((await handOver(env, holders[1]!, id)).body.keyMismatch).toBe(true);
    const again = await handOver(env, holders[0]!, id);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('opened');
    expect((await must(buyer, 'GET', `/api/v1/tenders/${id}/audit`)).items.map((e: { action: string }) => e.action)).toContain('opening.share_replaced');
  });

  it('a close that locked the tender first does not deadlock with a bid arriving meanwhile: the bid is refused cleanly', async () => {
    const id = await draft({ deadlineDays: 3, questionsDays: 1 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    const closer = new pg.Client({ connectionString: env.ownerUrl });
    await closer.connect();
    try {
      // As the opening and a cancellation do: the tender row locked FOR UPDATE, then its status changed.
      await closer.query('begin');
      await closer.query('select id from tenders where id = $1 for update', [id]);
      const replacing = env.request(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '4.00'));
      await new Promise((r) => setTimeout(r, 400));
      await closer.query(`update tenders set status = 'cancelled', cancelled_reason = 'test' where id = $1`, [id]);
      await closer.query('commit');
      const r = await replacing;
      expect(r.status).toBe(409);
    } finally {
      await closer.end();
    }
    expect((await env.sql(`select count(*)::int n from bid_versions where tender_id = $1`, [id]))[0].n).toBe(1);
  });

  it('a tender cancelled while the key holders hand over keeps no shares', async () => {
    const id = await draft({ deadlineDays: 3, questionsDays: 1, minValidBids: 1 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    env.clock.advance(3 * DAY + 1000);
    expect((await handOver(env, holders[0]!, id)).status).toBe(200);
    expect((await env.sql(`select count(*)::int n from opening_shares where tender_id = $1`, [id]))[0].n).toBe(1);
    await must(buyer, 'POST', `/api/v1/tenders/${id}/cancel`, { reason: '预算取消' });
    expect((await env.sql(`select count(*)::int n from opening_shares where tender_id = $1`, [id]))[0].n).toBe(0);
  });

  it('with fewer than k key holders the opening is postponed, recorded, and every bidder told', async () => {
    const id = await draft({ deadlineDays: 3, questionsDays: 1, minValidBids: 1 });
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    env.clock.advance(3 * DAY + 1000);
    await handOver(env, holders[0]!, id);
    const to = new Date(env.clock.now().getTime() + DAY).toISOString();
    const p = await must(buyer, 'POST', `/api/v1/tenders/${id}/opening/postpone`, { reason: '第二位密钥持有人出差', openingAt: to });
    expect(p.openingAt).toBe(to);
    expect(p.records[0]).toMatchObject({ status: 'postponed', note: '第二位密钥持有人出差' });
    expect((await handOver(env, holders[1]!, id)).status).toBe(409);
    expect((await must(certified, 'GET', `/api/v1/notifications?tenderId=${id}`)).items.map((n: { kind: string }) => n.kind)).toContain('opening_postponed');
    env.clock.advance(DAY);
    const opened = await handOver(env, holders[1]!, id);
    expect(opened.body.status).toBe('opened');
  });

  it('a certification past its validity expires with the tick, and its supplier can no longer be invited', async () => {
    env.clock.advance(90 * DAY);
    const report = await tick();
    expect(report.expired).toBeGreaterThanOrEqual(1);
    const s = await must(buyer, 'GET', `/api/v1/suppliers/${ids.certified}`);
    expect(s.certifications[0].status).toBe('expired');
    const id = await draft({ method: 'invited' });
    expect((await env.request(buyer, 'PUT', `/api/v1/tenders/${id}/invitations`, { supplierIds: [ids.certified] })).status).toBe(400);
  });

  it('a draft cancelled before publication never becomes visible to suppliers, not even to a direct read under their role', async () => {
    const id = await draft();
    await must(buyer, 'POST', `/api/v1/tenders/${id}/cancel`, { reason: '需求并入其他项目' });
    expect((await env.request(certified, 'GET', `/api/v1/market/tenders/${id}`)).status).toBe(404);
    expect((await must(certified, 'GET', '/api/v1/market/tenders?limit=100')).items.map((t: { id: string }) => t.id)).not.toContain(id);
    const client = new pg.Client({ connectionString: appUrlFrom(env.ownerUrl, 'procura_app_test') });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)`, [certified.orgId, certified.userId]);
      for (const table of ['tenders', 'tender_documents', 'tender_keys', 'tender_amendments']) {
        const col = table === 'tenders' ? 'id' : 'tender_id';
        expect(Number((await client.query(`select count(*) n from ${table} where ${col} = $1`, [id])).rows[0].n), table).toBe(0);
      }
      // A supplier cannot file a question into a third organization's records (only under the tender's buyer).
      const pubId = await draft();
      await publish(env, buyer, pubId);
      await client.query('savepoint s');
      await expect(client.query(`insert into tender_questions (organization_id, tender_id, asker_org_id, question, asked_at) values ($1, $2, $3, 'x', now())`, [outsider.orgId, pubId, certified.orgId])).rejects.toThrow(/row-level security/);
      await client.query('rollback to savepoint s');
      await client.query(`insert into tender_questions (organization_id, tender_id, asker_org_id, question, asked_at) values ($1, $2, $3, 'x', now())`, [buyer.orgId, pubId, certified.orgId]);
    } finally {
      await client.end();
    }
  });

  it('a cancelled tender tells those who met it, and the project goes back to the criteria', async () => {
    const id = await draft();
    await publish(env, buyer, id);
    const pub = await must(certified, 'GET', `/api/v1/market/tenders/${id}`);
    await must(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '5.00'));
    const c = await must(buyer, 'POST', `/api/v1/tenders/${id}/cancel`, { reason: '需求取消' });
    expect(c).toMatchObject({ status: 'cancelled', cancelledReason: '需求取消' });
    expect((await must(certified, 'GET', `/api/v1/notifications?tenderId=${id}`)).items.map((n: { kind: string }) => n.kind)).toContain('cancellation');
    expect((await env.request(certified, 'POST', `/api/v1/market/tenders/${id}/bid`, sealBid(pub, certified.orgId, '4.00'))).status).toBe(409);
    expect((await must(buyer, 'GET', `/api/v1/projects/${projectId}`)).stage).toBe('purchasing_criteria');
  });
});
