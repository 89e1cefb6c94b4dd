// The bid rush (issue 7, "Benchmark"): 1,000 supplier organizations submit sealed
// bids of about 50 kB each to one open tender in its last minutes, at 50
// concurrent connections from this process; 100 of them are sent twice with the
// same Idempotency-Key (retries). Reported: bids/s, p50 and p99 of the submission
// (form check, store, receipt, audit, durable commit). Then proven: every receipt
// handed out matches a stored bid and verifies with the platform's key, and no bid
// is stored twice. Then the opening of those 1,000 bids (2 of 3 key holders hand
// over; the second hand-over rebuilds the key, decrypts every bid and writes the
// record) in seconds. The suppliers, their sessions and the tender are written
// straight into the database (signing up 1,000 users through the API would time
// argon2, not bids); the bids themselves go through the API as a browser sends them.
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTenderKey, openShare, type TenderKey } from '../src/domain/sealing/tender-key';
import { newKeyPair } from '../src/domain/sealing/box';
import { sealEnvelope, type BidSubmission } from '../src/domain/sealing/bid';
import { fromBase64, toBase64 } from '../src/domain/sealing/bytes';
import { verifyReceipt, type Receipt } from '../src/domain/sealing/receipt';

export interface RushResult {
  bids: number;
  sent: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  stored: number;
  duplicates: number;
  receiptsChecked: number;
  receiptsBad: number;
  openingSeconds: number;
  opened: number;
  bidBytes: number;
}

const SUPPLIERS = 1000;
const RETRIES = 100;

export async function bidRush(ownerUrl: string, base: string, say: (m: string) => void, connections = 50): Promise<RushResult> {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    say(`Bid rush: ${SUPPLIERS.toLocaleString()} supplier organizations, one open tender…`);
    const run = randomUUID().slice(0, 8);
    const now = Date.now();
    // The buyer: an organization, three key holders with sessions, a project, a published open tender.
    const buyer = (await db.query<{ id: string }>(`insert into organization (id, name, slug, kind, created_at) values (gen_random_uuid(), $1, $2, 'buyer', now()) returning id`, [`Rush buyer ${run}`, `rush-buyer-${run}`])).rows[0]!.id;
    const holders: { userId: string; token: string; secret: Uint8Array; publicKey: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const u = (await db.query<{ id: string }>(`insert into "user" (id, name, email, email_verified, created_at, updated_at) values (gen_random_uuid(), $1, $2, true, now(), now()) returning id`, [`Holder ${i}`, `holder${i}-${run}@rush.bench`])).rows[0]!.id;
      await db.query(`insert into member (id, organization_id, user_id, role, created_at) values (gen_random_uuid(), $1, $2, $3, now())`, [buyer, u, i === 0 ? 'owner' : 'manager']);
      const token = randomBytes(24).toString('base64url');
      await db.query(`insert into session (id, expires_at, token, user_id, active_organization_id) values (gen_random_uuid(), now() + interval '1 day', $1, $2, $3)`, [token, u, buyer]);
      const kp = newKeyPair();
      holders.push({ userId: u, token, secret: kp.secretKey, publicKey: toBase64(kp.publicKey) });
    }
    const req = (await db.query<{ id: string }>(`insert into requisitions (id, organization_id, number, title, department, requester_id, justification, currency, total, status) values (gen_random_uuid(), $1, 'PR-RUSH', 'rush', 'bench', $2, 'bench', 'CNY', 1000000, 'approved') returning id`, [buyer, holders[0]!.userId])).rows[0]!.id;
    const project = (await db.query<{ id: string }>(`insert into projects (id, organization_id, requisition_id, number, title, stage, budget, currency) values (gen_random_uuid(), $1, $2, 'PJ-RUSH', 'rush', 'tender_and_screening', 1000000, 'CNY') returning id`, [buyer, req])).rows[0]!.id;
    const lots = [{ key: 'L1', name: '压缩机', items: Array.from({ length: 20 }, (_, i) => ({ key: `L1.${i + 1}`, name: `品目 ${i + 1}`, specification: '', quantity: '100', unit: '台' })) }];
    const deadline = new Date(now + 15 * 60_000);
    const tender = (
      await db.query<{ id: string }>(
        `insert into tenders (id, organization_id, project_id, number, title, regime, method, category, currency, estimated_value, setup, envelopes, questions_until, deadline, opening_at, min_valid_bids, key_threshold, key_holder_ids, status, published_at, status_changed_at, freeze_hash)
         values (gen_random_uuid(), $1, $2, $3, 'Bid rush', 'enterprise', 'open', 'goods', 'CNY', 1000000, $4, 'one', $5, $6, $6, 1, 2, $7, 'published', now(), now(), 'rush') returning id`,
        [buyer, project, `ZB-RUSH-${run}`, JSON.stringify({ lots, qualification: [], evaluation: { method: 'lowest_price', criteria: [] } }), new Date(now - 60_000), deadline, holders.map((h) => h.userId)],
      )
    ).rows[0]!.id;
    const key: TenderKey = await createTenderKey({ tenderId: tender, envelope: 'single', holders: holders.map((h) => ({ userId: h.userId, publicKey: h.publicKey })), threshold: 2 });
    await db.query(`insert into tender_keys (organization_id, tender_id, envelope, public_key, fingerprint, threshold, key) values ($1, $2, 'single', $3, $4, 2, $5)`, [buyer, tender, key.publicKey, key.fingerprint, JSON.stringify(key)]);

    // 1,000 supplier organizations with a signed-in user each.
    const suppliers: { orgId: string; token: string }[] = [];
    const orgRows = await db.query<{ id: string }>(`insert into organization (id, name, slug, kind, created_at) select gen_random_uuid(), 'Rush supplier ' || g, 'rush-${run}-' || g, 'seller', now() from generate_series(1, ${SUPPLIERS}) g returning id`);
    for (const [i, r] of orgRows.rows.entries()) {
      const u = (await db.query<{ id: string }>(`insert into "user" (id, name, email, email_verified, created_at, updated_at) values (gen_random_uuid(), $1, $2, true, now(), now()) returning id`, [`Supplier ${i}`, `s${i}-${run}@rush.bench`])).rows[0]!.id;
      await db.query(`insert into member (id, organization_id, user_id, role, created_at) values (gen_random_uuid(), $1, $2, 'owner', now())`, [r.id, u]);
      const token = randomBytes(24).toString('base64url');
      await db.query(`insert into session (id, expires_at, token, user_id, active_organization_id) values (gen_random_uuid(), now() + interval '1 day', $1, $2, $3)`, [token, u, r.id]);
      suppliers.push({ orgId: r.id, token });
    }

    // Each bid sealed as a browser seals it: the price schedule and a ~36 kB document.
    const t0 = performance.now();
    const bodies = suppliers.map((s, i) => {
      const submission: BidSubmission = {
        format: 'procura-bid-submission/1',
        tenderId: tender,
        envelopes: [
          sealEnvelope(
            {
              format: 'procura-bid/1',
              tenderId: tender,
              envelope: 'single',
              bidderOrgId: s.orgId,
              prices: lots[0]!.items.map((it, j) => ({ lotId: 'L1', itemId: it.key, unitPrice: `${400 + ((i * 7 + j) % 300)}.${String(i % 100).padStart(2, '0')}`, quantity: '100' })),
              documents: [{ name: 'technical.pdf', mediaType: 'application/pdf', sha256: '0'.repeat(64), data: randomBytes(27_000).toString('base64') }],
              statement: `Bid of supplier ${i}`,
            },
            key,
            key.fingerprint,
          ),
        ],
      };
      return JSON.stringify(submission);
    });
    const bidBytes = Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length);
    say(`  sealed ${SUPPLIERS.toLocaleString()} bids of ${(bidBytes / 1024).toFixed(0)} kB in ${((performance.now() - t0) / 1000).toFixed(1)} s (this process, as browsers would)`);

    // The rush: every supplier once, 100 of them a second time with the same key (a retry).
    const order = [...suppliers.keys(), ...Array.from({ length: RETRIES }, (_, i) => i * 7)];
    const keys = suppliers.map(() => randomUUID());
    const receipts: Receipt[] = [];
    let next = 0;
    const path = `/api/v1/market/tenders/${tender}/bid`;
    const r = await autocannon({
      url: base,
      connections,
      amount: order.length,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = order[next++ % order.length]!;
            return { ...req, path, headers: { 'content-type': 'application/json', authorization: `Bearer ${suppliers[i]!.token}`, 'idempotency-key': keys[i]! }, body: bodies[i]! };
          },
          onResponse: (status, body) => {
            if (status === 201) receipts.push((JSON.parse(body) as { receipt: { receipt: Receipt } }).receipt.receipt);
          },
        },
      ],
    });

    // Proof: every receipt matches a stored bid and verifies; nothing stored twice.
    const platform = (await (await fetch(`${base}/api/v1/platform/receipt-key`)).json()) as { publicKey: string };
    const pk = fromBase64(platform.publicKey)!;
    const stored = await db.query<{ bid_id: string; version: number; sha256: string; organization_id: string }>(`select bid_id, version, sha256, organization_id from bid_versions where tender_id = $1`, [tender]);
    const byBid = new Map(stored.rows.map((v) => [`${v.bid_id}/${v.version}`, v.sha256]));
    let bad = 0;
    for (const rc of receipts) if (byBid.get(`${rc.bidId}/${rc.version}`) !== rc.sha256 || !verifyReceipt(rc, pk).ok) bad++;
    const orgs = new Set(stored.rows.map((v) => v.organization_id));
    const duplicates = stored.rows.length - orgs.size;

    // The opening: after the deadline, two of the three holders hand over their shares.
    await db.query(`update tenders set deadline = now() - interval '1 second', opening_at = now() - interval '1 second', status = 'bidding_closed' where id = $1`, [tender]);
    const handOver = async (h: (typeof holders)[number]) => {
      const share = openShare(key, h.userId, h.secret)!;
      const res = await fetch(`${base}/api/v1/tenders/${tender}/opening/shares`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` }, body: JSON.stringify({ envelope: 'single', share: toBase64(share) }) });
      if (!res.ok) throw new Error(`hand-over ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ status: string; records: { bids: unknown[] }[] }>;
    };
    await handOver(holders[0]!);
    const o0 = performance.now();
    const opened = await handOver(holders[1]!);
    const openingSeconds = (performance.now() - o0) / 1000;
    if (opened.status !== 'opened') throw new Error(`the opening did not open: ${opened.status}`);
    return {
      bids: SUPPLIERS,
      sent: order.length,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
      stored: stored.rows.length,
      duplicates,
      receiptsChecked: receipts.length,
      receiptsBad: bad,
      openingSeconds,
      opened: opened.records[0]?.bids.length ?? 0,
      bidBytes,
    };
  } finally {
    await db.end();
  }
}
