// Evaluation at scale (issue 8, "Benchmark"): a tender with 1,000 opened bids
// and a committee of 7, each member having scored 10 criteria on every bid
// (70,000 scores in 7,000 stored sheets): the time the chair's "close scoring"
// takes to read the sheets, compute every total and rank exactly, build the
// report and store it with its hash. Then the comparison table of a tender with
// 50 opened bids under load (req/s, p99). The buyer, the bidders, the opened
// bids and the sheets are written straight into the database (the opening and
// the scoring are measured elsewhere); the measured requests go through the API.
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

export interface EvaluationBenchResult {
  bids: number;
  members: number;
  criteria: number;
  closeMs: number;
  candidates: string[];
  comparison: { bids: number; rps: number; p50: number; p99: number; errors: number };
}

const MEMBERS = 7;
/** A deterministic spread of (a, b) over 0…n−1. */
const spread = (a: number, b: number, n: number) => {
  let h = (a * 2654435761 + b * 40503 + 12345) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = Math.imul(h, 2246822519) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) % n;
};
const CRITERIA = 10;

async function session(db: pg.Client, orgId: string, name: string, email: string, role: string) {
  const u = (await db.query<{ id: string }>(`insert into "user" (id, name, email, email_verified, created_at, updated_at) values (gen_random_uuid(), $1, $2, true, now(), now()) returning id`, [name, email])).rows[0]!.id;
  await db.query(`insert into member (id, organization_id, user_id, role, created_at) values (gen_random_uuid(), $1, $2, $3, now())`, [orgId, u, role]);
  const token = randomBytes(24).toString('base64url');
  await db.query(`insert into session (id, expires_at, token, user_id, active_organization_id) values (gen_random_uuid(), now() + interval '1 day', $1, $2, $3)`, [token, u, orgId]);
  return { userId: u, token };
}

/** A buyer's opened tender with `bids` opened bids, a committee of 7 with every sheet in, scoring open. */
async function seedTender(db: pg.Client, run: string, bidCount: number) {
  const buyer = (await db.query<{ id: string }>(`insert into organization (id, name, slug, kind, created_at) values (gen_random_uuid(), $1, $2, 'buyer', now()) returning id`, [`Evaluation buyer ${run}`, `eval-buyer-${run}`])).rows[0]!.id;
  const owner = await session(db, buyer, 'Buyer owner', `owner-${run}@eval.bench`, 'owner');
  const members = [];
  for (let i = 0; i < MEMBERS; i++) members.push(await session(db, buyer, `Member ${i}`, `m${i}-${run}@eval.bench`, 'manager'));
  const req = (await db.query<{ id: string }>(`insert into requisitions (id, organization_id, number, title, department, requester_id, justification, currency, total, status) values (gen_random_uuid(), $1, 'PR-EVAL', 'eval', 'bench', $2, 'bench', 'CNY', 1000000, 'approved') returning id`, [buyer, owner.userId])).rows[0]!.id;
  const project = (await db.query<{ id: string }>(`insert into projects (id, organization_id, requisition_id, number, title, stage, budget, currency) values (gen_random_uuid(), $1, $2, 'PJ-EVAL', 'eval', 'tender_and_screening', 1000000, 'CNY') returning id`, [buyer, req])).rows[0]!.id;
  const items = Array.from({ length: 20 }, (_, i) => ({ key: `L1.${i + 1}`, name: `品目 ${i + 1}`, specification: '', quantity: '100', unit: '台' }));
  const criteria = [
    ...Array.from({ length: CRITERIA }, (_, i) => ({ key: `C${i + 1}`, part: i < 7 ? 'technical' : 'commercial', name: `评分项 ${i + 1}`, weight: 7, maxScore: 10 })),
    { key: 'P', part: 'price', name: '价格', weight: 30, maxScore: 100 },
  ];
  const setup = { lots: [{ key: 'L1', name: '压缩机', items }], qualification: [], evaluation: { method: 'comprehensive', criteria } };
  const tender = (
    await db.query<{ id: string }>(
      `insert into tenders (id, organization_id, project_id, number, title, regime, method, category, currency, estimated_value, setup, envelopes, questions_until, deadline, opening_at, min_valid_bids, key_threshold, key_holder_ids, status, published_at, status_changed_at, freeze_hash)
       values (gen_random_uuid(), $1, $2, $3, 'Evaluation bench', 'enterprise', 'open', 'goods', 'CNY', 100000000, $4, 'one', now() - interval '3 days', now() - interval '1 day', now() - interval '1 day', 1, 2, $5, 'opened', now() - interval '10 days', now(), 'bench') returning id`,
      [buyer, project, `ZB-EVAL-${run}`, JSON.stringify(setup), [owner.userId]],
    )
  ).rows[0]!.id;
  const orgs = (await db.query<{ id: string }>(`insert into organization (id, name, slug, kind, created_at) select gen_random_uuid(), 'Bidder ' || g, 'eval-${run}-' || g, 'seller', now() from generate_series(1, ${bidCount}) g returning id`)).rows.map((r) => r.id);
  const bidders: { bidId: string; orgId: string; name: string }[] = [];
  for (let i = 0; i < orgs.length; i += 200) {
    const chunk = orgs.slice(i, i + 200);
    const rows = await db.query<{ id: string; organization_id: string }>(
      `insert into bids (id, organization_id, buyer_org_id, tender_id, status, version, created_at, updated_at) select gen_random_uuid(), o, $1, $2, 'active', 1, now(), now() from unnest($3::uuid[]) o returning id, organization_id`,
      [buyer, tender, chunk],
    );
    for (const r of rows.rows) bidders.push({ bidId: r.id, orgId: r.organization_id, name: `Bidder ${bidders.length + 1}` });
  }
  for (let i = 0; i < bidders.length; i += 200) {
    const chunk = bidders.slice(i, i + 200);
    // Prices and scores spread by a hash of (bid, item), so that totals rarely tie.
    const contents = chunk.map((b, j) => JSON.stringify({ format: 'procura-bid/1', tenderId: tender, envelope: 'single', bidderOrgId: b.orgId, statement: 'bench', documents: [], prices: items.map((it, k) => ({ lotId: 'L1', itemId: it.key, unitPrice: `${400 + spread(i + j, k, 300)}.${String(spread(i + j, k + 50, 100)).padStart(2, '0')}`, quantity: '100' })) }));
    await db.query(
      `insert into bid_openings (organization_id, tender_id, envelope, bid_id, bidder_org_id, version, outcome, content, opened_at) select $1, $2, 'single', b, o, 1, 'opened', c::jsonb, now() from unnest($3::uuid[], $4::uuid[], $5::text[]) as x(b, o, c)`,
      [buyer, tender, chunk.map((b) => b.bidId), chunk.map((b) => b.orgId), contents],
    );
  }
  await db.query(`insert into evaluations (organization_id, tender_id, phase, bidders, criteria_hash, convened_at, updated_at) values ($1, $2, 'scoring', $3, 'bench', now(), now())`, [buyer, tender, JSON.stringify(bidders)]);
  for (const [i, m] of members.entries()) {
    await db.query(`insert into committee_members (organization_id, tender_id, user_id, kind, chair, source, status, declaration, declared_at, sheets_submitted_at, joined_at) values ($1, $2, $3, 'buyer', $4, 'appointed', 'active', '{}'::jsonb, now(), null, now())`, [buyer, tender, m.userId, i === 0]);
  }
  // The sheets go in while the evaluation scores (the phase guard), 7 × bids of them.
  for (const [mi, m] of members.entries()) {
    for (let i = 0; i < bidders.length; i += 500) {
      const chunk = bidders.slice(i, i + 500);
      const scores = chunk.map((_, j) => JSON.stringify(Object.fromEntries(Array.from({ length: CRITERIA }, (_, k) => [`C${k + 1}`, `${3 + spread(i + j, 100 * mi + k, 7)}.${spread(i + j, 1000 + 100 * mi + k, 100)}`]))));
      await db.query(
        `insert into score_sheets (organization_id, tender_id, user_id, bid_id, scores, remarks, criteria_hash, saved_at) select $1, $2, $3, b, s::jsonb, '', 'bench', now() from unnest($4::uuid[], $5::text[]) as x(b, s)`,
        [buyer, tender, m.userId, chunk.map((b) => b.bidId), scores],
      );
    }
  }
  await db.query(`update committee_members set sheets_submitted_at = now() where tender_id = $1`, [tender]);
  return { tender, owner, chair: members[0]! };
}

export async function evaluationBench(ownerUrl: string, base: string, say: (m: string) => void, connections: number, duration: number): Promise<EvaluationBenchResult> {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const run = randomUUID().slice(0, 8);
    say(`Evaluation: seeding a tender with 1,000 opened bids and ${MEMBERS} members' sheets of ${CRITERIA} criteria…`);
    const big = await seedTender(db, run, 1000);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/evaluations/${big.tender}/scoring/close`, { method: 'POST', headers: { authorization: `Bearer ${big.chair.token}` } });
    const closeMs = performance.now() - t0;
    if (!res.ok) throw new Error(`close scoring: ${res.status} ${await res.text()}`);
    const state = (await res.json()) as { phase: string; results: { candidates: { bidder: string; total: string }[] }[] };
    if (state.phase !== 'report') throw new Error(`scoring did not close: ${state.phase}`);

    const small = await seedTender(db, `${run}s`, 50);
    const closeSmall = await fetch(`${base}/api/v1/evaluations/${small.tender}/scoring/close`, { method: 'POST', headers: { authorization: `Bearer ${small.chair.token}` } });
    if (!closeSmall.ok) throw new Error(`close scoring (50): ${closeSmall.status}`);
    const path = `/api/v1/evaluations/${small.tender}/comparison`;
    const headers = { authorization: `Bearer ${small.owner.token}` };
    const probe = (await (await fetch(`${base}${path}`, { headers })).json()) as { bids?: unknown[] };
    if (probe.bids?.length !== 50) {
      const sample = (await db.query(`select scores from score_sheets where tender_id = $1 limit 3`, [small.tender])).rows;
      throw new Error(`the comparison: ${JSON.stringify(probe).slice(0, 300)} ${JSON.stringify(sample)}`);
    }
    if (probe.bids.length !== 50) throw new Error(`the comparison shows ${probe.bids.length} bids, not 50`);
    const seq: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await (await fetch(`${base}${path}`, { headers })).arrayBuffer();
      seq.push(performance.now() - t);
    }
    say(`  (one at a time: ${seq.sort((a, b) => a - b)[10]!.toFixed(1)} ms median)`);
    await autocannon({ url: base, connections, duration: 2, headers, requests: [{ method: 'GET', path }] });
    const r = await autocannon({ url: base, connections, duration, headers, requests: [{ method: 'GET', path }] });
    return {
      bids: 1000,
      members: MEMBERS,
      criteria: CRITERIA,
      closeMs,
      candidates: state.results[0]!.candidates.map((c) => `${c.bidder} ${c.total}`),
      comparison: { bids: 50, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx },
    };
  } finally {
    await db.end();
  }
}
